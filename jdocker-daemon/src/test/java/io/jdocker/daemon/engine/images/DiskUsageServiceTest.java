package io.jdocker.daemon.engine.images;

import static io.jdocker.daemon.engine.images.TestImages.importImage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdocker.daemon.api.containers.ContainersBackend;
import io.jdocker.daemon.api.system.DiskUsageBackend;
import io.jdocker.daemon.container.ContainerListFilter;
import io.jdocker.daemon.engine.events.EventBus;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.store.StoredImage;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskUsageServiceTest {
  @TempDir Path dataRoot;

  /** Containers are not asked for in these tests; any call would fail. */
  private static final ContainersBackend NO_CONTAINERS = (ContainersBackend) Proxy.newProxyInstance(
      ContainersBackend.class.getClassLoader(), new Class<?>[] {ContainersBackend.class}, (p, m, a) -> {
        throw new AssertionError("unexpected call " + m.getName());
      });

  @Test
  void sharedLayersCountOnceAndMakeSharedSize() throws Exception {
    Map<Digest, List<ContainerImageUsage.User>> users = new java.util.HashMap<>();
    ImageService images = TestImages.service(dataRoot, new EventBus(), id -> users.getOrDefault(id, List.of()));
    // Same rootfs, different configs: two images on one layer. A third has a layer of its own.
    Digest one = importImage(images, "a", "one:latest", "LABEL n=1");
    Digest two = importImage(images, "a", "two:latest", "LABEL n=2");
    Digest other = importImage(images, "bb", "other:latest");
    users.put(one, List.of(new ContainerImageUsage.User("c1", true), new ContainerImageUsage.User("c2", false)));
    users.put(other, List.of(new ContainerImageUsage.User("c3", false)));

    DiskUsageBackend.ImageUsage usage =
        new DiskUsageService(images.store(), id -> users.getOrDefault(id, List.of()), NO_CONTAINERS).images();

    Map<Digest, DiskUsageBackend.UsedImage> byId = usage.images().stream()
        .collect(Collectors.toMap(u -> u.image().id(), Function.identity()));
    assertEquals(3, byId.size());
    long shared = size(images, one);
    assertEquals(shared, size(images, two), "one layer under both");
    assertEquals(shared, byId.get(one).sharedSize());
    assertEquals(shared, byId.get(two).sharedSize());
    assertEquals(0, byId.get(other).sharedSize());
    assertEquals(2, byId.get(one).containers());
    assertEquals(0, byId.get(two).containers());
    assertEquals(1, byId.get(other).containers());
    assertEquals(shared + size(images, other), usage.layersSize(), "the shared layer counts once");
    assertEquals(List.of("two:latest"),
        byId.get(two).references().stream().map(r -> r.familiarString()).toList());
  }

  @Test
  void emptyStoreHasNoImagesAndNoBytes() throws Exception {
    ImageService images = TestImages.service(dataRoot, new EventBus(), ContainerImageUsage.NONE);
    DiskUsageBackend.ImageUsage usage =
        new DiskUsageService(images.store(), ContainerImageUsage.NONE, NO_CONTAINERS).images();
    assertEquals(0, usage.layersSize());
    assertEquals(List.of(), usage.images());
  }

  @Test
  void containersAreAllOfThemWithSizes() throws Exception {
    List<Object[]> calls = new java.util.ArrayList<>();
    ContainersBackend backend = (ContainersBackend) Proxy.newProxyInstance(
        ContainersBackend.class.getClassLoader(), new Class<?>[] {ContainersBackend.class}, (p, m, a) -> {
          assertEquals("list", m.getName());
          calls.add(a);
          return List.of();
        });
    ImageService images = TestImages.service(dataRoot, new EventBus(), ContainerImageUsage.NONE);
    new DiskUsageService(images.store(), ContainerImageUsage.NONE, backend).containers();
    assertEquals(1, calls.size());
    ContainerListFilter.Options options = (ContainerListFilter.Options) calls.getFirst()[0];
    assertEquals(true, options.all(), "stopped containers too");
    assertEquals(-1, options.limit());
    assertEquals(true, calls.getFirst()[1], "with SizeRw and SizeRootFs");
  }

  private static long size(ImageService images, Digest id) {
    StoredImage image = images.store().image(id).orElseThrow();
    assertEquals(1, image.layers().size());
    return image.size();
  }
}
