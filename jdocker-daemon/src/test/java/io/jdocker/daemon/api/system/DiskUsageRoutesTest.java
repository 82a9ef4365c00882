package io.jdocker.daemon.api.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdocker.daemon.api.ApiJson;
import io.jdocker.daemon.api.DispatcherHarness;
import io.jdocker.daemon.api.DispatcherHarness.Response;
import io.jdocker.daemon.api.types.container.ContainerSummary;
import io.jdocker.daemon.engine.events.EventBus;
import io.jdocker.daemon.engine.images.ContainerImageUsage;
import io.jdocker.daemon.engine.images.ImageService;
import io.jdocker.daemon.engine.images.TestImages;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.store.StoredImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskUsageRoutesTest {
  @TempDir Path dataRoot;
  private DispatcherHarness harness;
  private int imageCalls;
  private int containerCalls;

  private static final ContainerSummary WEB = new ContainerSummary("c1", List.of("/web"), "busybox", "sha256:aa",
      "sh", 1L, null, 12L, 4108L, Map.of(), "exited", "Exited (0) 3 seconds ago",
      new ContainerSummary.SummaryHostConfig("default", null), new ContainerSummary.SummaryNetworkSettings(Map.of()),
      List.of());

  private DispatcherHarness harness(long layersSize) throws Exception {
    ImageService images = TestImages.service(dataRoot, new EventBus(), ContainerImageUsage.NONE);
    Digest id = TestImages.importImage(images, "a", "busybox:latest");
    StoredImage image = images.store().image(id).orElseThrow();
    DiskUsageBackend backend = new DiskUsageBackend() {
      @Override
      public ImageUsage images() {
        imageCalls++;
        return new ImageUsage(layersSize,
            List.of(new UsedImage(image, images.store().references(id), 2, 7)));
      }

      @Override
      public List<ContainerSummary> containers() {
        containerCalls++;
        return List.of(WEB);
      }
    };
    harness = new DispatcherHarness(new DiskUsageRoutes(backend));
    return harness;
  }

  @AfterEach
  void close() {
    if (harness != null) {
      harness.close();
    }
  }

  private static String get(String path) {
    return "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n";
  }

  private static JsonNode json(Response r) throws Exception {
    assertEquals(200, r.status(), r.body());
    return ApiJson.mapper().readTree(r.body());
  }

  @Test
  void withoutTypeEveryPartIsThere() throws Exception {
    JsonNode df = json(harness(4096).request(get("/v1.44/system/df")));
    assertEquals(4096, df.get("LayersSize").asLong());
    JsonNode image = df.at("/Images/0");
    assertEquals(2, image.get("Containers").asLong());
    assertEquals(7, image.get("SharedSize").asLong());
    assertEquals("busybox:latest", image.at("/RepoTags/0").asText());
    assertTrue(image.get("Size").asLong() > 0);
    assertFalse(image.has("VirtualSize"), "no VirtualSize from 1.44 on");
    JsonNode container = df.at("/Containers/0");
    assertEquals("c1", container.get("Id").asText());
    assertEquals(12, container.get("SizeRw").asLong());
    assertEquals(4108, container.get("SizeRootFs").asLong());
    assertTrue(df.get("Volumes").isArray() && df.get("Volumes").isEmpty());
    assertTrue(df.get("BuildCache").isArray() && df.get("BuildCache").isEmpty());
  }

  @Test
  void typeLimitsTheAnswerAndTheWork() throws Exception {
    JsonNode df = json(harness(4096).request(get("/v1.44/system/df?type=container&type=volume")));
    assertEquals(0, imageCalls, "images are not computed when not asked for");
    assertFalse(df.has("LayersSize"));
    assertTrue(df.get("Images").isNull());
    assertEquals(1, df.get("Containers").size());
    assertTrue(df.get("Volumes").isArray());
    assertTrue(df.get("BuildCache").isNull());

    JsonNode images = json(harness.request(get("/v1.44/system/df?type=image")));
    assertEquals(1, images.get("Images").size());
    assertTrue(images.get("Containers").isNull());
    assertEquals(1, containerCalls);
  }

  @Test
  void olderClientsGetEverythingWhateverTheType() throws Exception {
    JsonNode df = json(harness(4096).request(get("/v1.41/system/df?type=volume")));
    assertEquals(1, df.get("Images").size());
    assertEquals(1, df.get("Containers").size());
    assertEquals(df.at("/Images/0/Size").asLong(), df.at("/Images/0/VirtualSize").asLong());
  }

  @Test
  void zeroLayersSizeIsOmittedAsGoDoes() throws Exception {
    JsonNode df = json(harness(0).request(get("/system/df")));
    assertFalse(df.has("LayersSize"));
  }

  @Test
  void unknownTypeIsABadRequest() throws Exception {
    Response r = harness(1).request(get("/v1.44/system/df?type=network"));
    assertEquals(400, r.status());
    assertEquals("{\"message\":\"unknown object type: network\"}\n", r.body());
  }
}
