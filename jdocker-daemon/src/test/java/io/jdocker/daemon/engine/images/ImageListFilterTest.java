package io.jdocker.daemon.engine.images;

import static io.jdocker.daemon.engine.images.TestImages.filters;
import static io.jdocker.daemon.engine.images.TestImages.importImage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdocker.daemon.api.Filters;
import io.jdocker.daemon.engine.events.EventBus;
import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.store.StoredImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageListFilterTest {
  @TempDir Path dataRoot;
  private ImageService s;
  private Digest busybox;
  private Digest web;
  private Digest dangling;

  @BeforeEach
  void images() throws Exception {
    s = TestImages.service(dataRoot, new EventBus(), ContainerImageUsage.NONE);
    busybox = importImage(s, "1", "busybox:latest", "LABEL tier=base");
    Thread.sleep(5);
    web = importImage(s, "2", "localhost:5000/team/web:v1", "LABEL tier=front version=2");
    Thread.sleep(5);
    dangling = importImage(s, "3", "");
  }

  private List<Digest> list(String json) {
    return s.list(false, json == null ? Filters.empty() : filters(json)).stream().map(StoredImage::id).toList();
  }

  @Test
  void newestFirstWithoutFilters() {
    assertEquals(List.of(dangling, web, busybox), list(null));
  }

  @Test
  void dangling() {
    assertEquals(List.of(dangling), list("{\"dangling\":{\"true\":true}}"));
    assertEquals(List.of(web, busybox), list("{\"dangling\":[\"false\"]}"));
    assertThrows(InvalidParameterException.class, () -> list("{\"dangling\":{\"maybe\":true}}"));
  }

  @Test
  void referenceGlobs() {
    assertEquals(List.of(busybox), list("{\"reference\":{\"busybox\":true}}"));
    assertEquals(List.of(busybox), list("{\"reference\":{\"busy*:latest\":true}}"));
    assertEquals(List.of(web), list("{\"reference\":{\"localhost:5000/team/*\":true}}"));
    assertEquals(List.of(), list("{\"reference\":{\"*\":true}}").stream().filter(dangling::equals).toList());
    assertEquals(List.of(busybox), list("{\"reference\":{\"*\":true}}"), "* does not cross '/'");
  }

  @Test
  void labelsBeforeSince() {
    assertEquals(List.of(web, busybox), list("{\"label\":{\"tier\":true}}"));
    assertEquals(List.of(web), list("{\"label\":{\"tier=front\":true,\"version=2\":true}}"));
    assertEquals(List.of(busybox), list("{\"before\":{\"localhost:5000/team/web:v1\":true}}"));
    assertEquals(List.of(dangling, web), list("{\"since\":{\"busybox\":true}}"));
  }

  @Test
  void unknownFilterRejected() {
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> list("{\"color\":{\"red\":true}}"));
    assertEquals("invalid filter 'color'", e.getMessage());
  }
}
