package io.jdocker.daemon.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {
  private final Handler inspect = (req, resp) -> {};
  private final Handler list = (req, resp) -> {};
  private final Handler tag = (req, resp) -> {};
  private final Handler remove = (req, resp) -> {};
  private final Handler container = (req, resp) -> {};

  private Router router() {
    Router router = new Router();
    router.add("GET", "/images/{name*}/json", inspect);
    router.add("GET", "/images/json", list);
    router.add("POST", "/images/{name*}/tag", tag);
    router.add("DELETE", "/images/{name*}", remove);
    router.add("GET", "/containers/{id}/json", container);
    return router;
  }

  @Test
  void nameStarTakesRegistryHostPortPathAndTag() {
    Router.Match m = router().match("GET", "/images/127.0.0.1:5000/a/b:tag/json");
    assertSame(inspect, m.handler());
    assertEquals(Map.of("name", "127.0.0.1:5000/a/b:tag"), m.rawParams());
  }

  @Test
  void literalWinsOverPatternDeclaredBeforeIt() {
    assertSame(list, router().match("GET", "/images/json").handler());
  }

  @Test
  void imageCalledJsonIsStillReachable() {
    Router.Match m = router().match("GET", "/images/json/json");
    assertSame(inspect, m.handler());
    assertEquals("json", m.rawParams().get("name"));
  }

  @Test
  void nameStarAtTheEndTakesEverything() {
    Router.Match m = router().match("DELETE", "/images/127.0.0.1:5000/trace-busybox:v1");
    assertSame(remove, m.handler());
    assertEquals("127.0.0.1:5000/trace-busybox:v1", m.rawParams().get("name"));
  }

  @Test
  void singleSegmentVariableDoesNotCrossSlashes() {
    assertSame(container, router().match("GET", "/containers/abc/json").handler());
    assertNull(router().match("GET", "/containers/a/b/json"));
    assertNull(router().match("GET", "/containers//json"));
  }

  @Test
  void methodMustMatchButHeadFallsBackToGet() {
    assertNull(router().match("POST", "/images/json"));
    assertSame(list, router().match("HEAD", "/images/json").handler());
    assertNull(router().match("GET", "/images/busybox/tag"));
    assertSame(tag, router().match("POST", "/images/busybox/tag").handler());
  }

  @Test
  void unknownPathsAndEmptyNamesDoNotMatch() {
    assertNull(router().match("GET", "/images//json"));
    assertNull(router().match("GET", "/nope"));
    assertNull(router().match("GET", "/images/json/"));
  }

  @Test
  void duplicateLiteralRouteIsRefused() {
    Router router = router();
    assertThrows(IllegalArgumentException.class, () -> router.add("GET", "/images/json", list));
    assertThrows(IllegalArgumentException.class, () -> router.add("GET", "/a/x{id}", list));
  }
}
