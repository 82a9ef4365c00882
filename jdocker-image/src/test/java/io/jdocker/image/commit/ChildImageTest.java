package io.jdocker.image.commit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.image.oci.ContainerConfig;
import io.jdocker.image.oci.HistoryEntry;
import io.jdocker.image.oci.ImageConfig;
import io.jdocker.image.oci.Json;
import io.jdocker.image.ref.Digest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildImageTest {
  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00.123456789Z");
  private static final Digest BASE_LAYER = Digest.of("base".getBytes(StandardCharsets.UTF_8));
  private static final Digest CHANGES = Digest.of("changes".getBytes(StandardCharsets.UTF_8));

  private static ImageConfig parent() {
    return ImageConfig.parse("""
        {"architecture":"arm64","variant":"v8","os":"linux","os.version":"10.0","created":"2024-01-01T00:00:00Z",
         "comment":"parent comment","container":"parentcontainer","docker_version":"1.0",
         "config":{"Cmd":["sh"]},"rootfs":{"type":"layers","diff_ids":["%s"]},
         "history":[{"created":"2024-01-01T00:00:00Z","created_by":"/bin/sh -c #(nop) ADD file:x in /"}]}
        """.formatted(BASE_LAYER).getBytes(StandardCharsets.UTF_8), "parent");
  }

  private static ContainerConfig config(String... cmd) {
    return new ContainerConfig(null, null, List.of("PATH=/bin"), null, List.of(cmd), null, null, null, null, null,
        Map.of("Hostname", "abc", "Image", "busybox"));
  }

  private static ChildConfig child(String author, String comment) {
    return new ChildConfig("c".repeat(64), author, comment, config("cat", "/hello"), config("sh", "-c", "echo hi > /hello"),
        "linux", "28.0.0-jdocker");
  }

  @Test
  void addsTheLayerAndOneHistoryEntryOnTopOfTheParents() {
    ImageConfig c = ChildImage.of(parent(), child("Me <me@example.com>", "my message"), CHANGES, NOW);
    assertEquals(List.of(BASE_LAYER, CHANGES), c.rootfs().digests());
    assertEquals(2, c.history().size());
    assertEquals(parent().history().getFirst(), c.history().getFirst());
    HistoryEntry top = c.history().getLast();
    assertEquals(new HistoryEntry("2026-11-29T10:00:00.123456789Z", "sh -c echo hi > /hello", "Me <me@example.com>",
        "my message", null), top, "created_by is the container's Cmd joined by spaces, as moby writes it");
    assertFalse(top.isEmptyLayer());
    assertEquals("2026-11-29T10:00:00.123456789Z", c.created(), "created equals the history entry's");
  }

  @Test
  void takesArchitectureVariantAndOsVersionFromTheParentAndTheRestFromTheContainer() {
    ImageConfig c = ChildImage.of(parent(), child("Me", "msg"), CHANGES, NOW);
    assertEquals("arm64", c.architecture());
    assertEquals("v8", c.variant());
    assertEquals("linux", c.os());
    assertEquals("10.0", c.extra().get("os.version"));
    assertEquals("Me", c.author());
    assertNull(c.comment(), "the message lives in history only (moby's NewChildImage)");
    assertEquals("c".repeat(64), c.extra().get("container"));
    assertEquals("28.0.0-jdocker", c.extra().get("docker_version"));
    assertEquals(List.of("cat", "/hello"), c.config().cmd());
    assertEquals("busybox", c.config().extra().get("Image"));
  }

  @Test
  void writtenConfigCarriesContainerConfigAndReadsBack() {
    byte[] json = Json.write(ChildImage.of(parent(), child("", ""), CHANGES, NOW));
    ImageConfig back = ImageConfig.parse(json, "child");
    @SuppressWarnings("unchecked")
    Map<String, Object> containerConfig = (Map<String, Object>) back.extra().get("container_config");
    assertEquals(List.of("sh", "-c", "echo hi > /hello"), containerConfig.get("Cmd"));
    assertEquals("abc", containerConfig.get("Hostname"));
    String text = new String(json, StandardCharsets.UTF_8);
    assertFalse(text.contains("\"comment\""), text);
    assertFalse(text.contains("\"author\""), "empty author and comment are left out: " + text);
    assertFalse(text.contains("parentcontainer"), "the parent's container fields are replaced: " + text);
  }

  @Test
  void anEmptyDiffAddsNoLayerButAnEmptyLayerHistoryEntry() {
    assertEquals(Digest.parse("sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef"),
        ChildImage.EMPTY_LAYER, "moby's layer.EmptyLayer diffID");
    ImageConfig c = ChildImage.of(parent(), child("", "nothing"), ChildImage.EMPTY_LAYER, NOW);
    assertEquals(List.of(BASE_LAYER), c.rootfs().digests());
    assertTrue(c.history().getLast().isEmptyLayer());
    assertEquals("nothing", c.history().getLast().comment());
  }

  @Test
  void withoutAParentTheImageHasOnlyTheContainersLayer() {
    ImageConfig c = ChildImage.of(null, child("", ""), CHANGES, NOW);
    assertEquals(List.of(CHANGES), c.rootfs().digests());
    assertEquals(1, c.history().size());
    assertEquals(ChildImage.hostArchitecture(), c.architecture());
    assertNull(c.variant());
  }

  @Test
  void noCmdMeansNoCreatedBy() {
    ContainerConfig entrypointOnly = new ContainerConfig(null, null, null, List.of("/init"), null, null, null, null,
        null, null, null);
    ChildConfig child = new ChildConfig("id", "", "", entrypointOnly, entrypointOnly, "linux", "1");
    assertNull(ChildImage.of(parent(), child, CHANGES, NOW).history().getLast().createdBy());
  }
}
