package io.jdocker.daemon.api.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.daemon.api.DispatcherHarness;
import io.jdocker.daemon.api.DispatcherHarness.Response;
import io.jdocker.daemon.engine.events.EventBus;
import io.jdocker.daemon.engine.images.ContainerImageUsage;
import io.jdocker.daemon.engine.images.TestImages;
import io.jdocker.errdefs.NotFoundException;
import io.jdocker.errdefs.UnauthorizedException;
import io.jdocker.errdefs.UnavailableException;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.registry.RegistryAuth;
import io.jdocker.image.registry.SearchResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pull, push and search over the real dispatcher: status lines, stream framing, routing. */
class RegistryHandlersTest {
  private static final String DIGEST = "sha256:" + "ab".repeat(32);
  @TempDir Path dataRoot;
  private final FakeRegistry registry = new FakeRegistry();
  private DispatcherHarness harness;

  @BeforeEach
  void setUp() throws Exception {
    harness = new DispatcherHarness(new ImageRoutes(
        TestImages.service(dataRoot, new EventBus(), ContainerImageUsage.NONE), registry));
  }

  @AfterEach
  void tearDown() {
    harness.close();
  }

  private Response post(String target, String authJson) throws Exception {
    String auth = authJson == null ? ""
        : "X-Registry-Auth: " + Base64.getUrlEncoder().encodeToString(authJson.getBytes(StandardCharsets.UTF_8)) + "\r\n";
    return harness.request("POST " + target + " HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Length: 0\r\n\r\n");
  }

  @Test
  void pullStreamsDockersMessagesOnceTheFirstOneComes() throws Exception {
    registry.onPull = p -> {
      p.message("v1", "Pulling from repo");
      p.layer("fb63fa61b33b", "Pulling fs layer", -1, -1);
      p.layer("fb63fa61b33b", "Downloading", 3678, 300353);
      p.message(null, "Digest: " + DIGEST);
    };
    Response r = post("/v1.44/images/create?fromImage=127.0.0.1%3A5000%2Frepo&tag=v1",
        "{\"username\":\"u\",\"password\":\"p\"}");
    assertEquals(200, r.status());
    assertEquals("chunked", r.headers().get("transfer-encoding"));
    assertEquals("application/json", r.headers().get("content-type"));
    assertEquals("{\"status\":\"Pulling from repo\",\"id\":\"v1\"}\r\n"
        + "{\"status\":\"Pulling fs layer\",\"progressDetail\":{},\"id\":\"fb63fa61b33b\"}\r\n"
        + "{\"status\":\"Downloading\",\"progressDetail\":{\"current\":3678,\"total\":300353},"
        + "\"progress\":\"[>" + " ".repeat(50) + "]  3.678kB/300.4kB\",\"id\":\"fb63fa61b33b\"}\r\n"
        + "{\"status\":\"Digest: " + DIGEST + "\"}\r\n", r.body());
    FakeRegistry.Pull pull = registry.pulls.getFirst();
    assertEquals("127.0.0.1:5000/repo:v1", pull.ref().toString());
    assertEquals(new RegistryAuth("u", "p", null, null), pull.auth());
    assertNull(pull.platform());
  }

  @Test
  void failureBeforeAnyMessageIsAPlainErrorResponse() throws Exception {
    registry.onPull = p -> {
      throw new NotFoundException("manifest for 127.0.0.1:5000/repo:nope not found: manifest unknown: manifest unknown");
    };
    Response r = post("/images/create?fromImage=127.0.0.1%3A5000%2Frepo&tag=nope", null);
    assertEquals(404, r.status());
    assertEquals("{\"message\":\"manifest for 127.0.0.1:5000/repo:nope not found: manifest unknown: "
        + "manifest unknown\"}\n", r.body());
    assertEquals(RegistryAuth.ANONYMOUS, registry.pulls.getFirst().auth());

    registry.onPull = p -> {
      throw new UnauthorizedException("pull access denied for private/x, repository does not exist or may "
          + "require 'docker login'");
    };
    assertEquals(401, post("/images/create?fromImage=private%2Fx&tag=latest", "{}").status());
    registry.onPull = p -> {
      throw new UnavailableException("Get \"https://registry-1.docker.io/v2/\": dial tcp: lookup registry-1.docker.io");
    };
    Response offline = post("/images/create?fromImage=busybox&tag=latest", null);
    assertEquals(500, offline.status());
    assertTrue(offline.body().contains("dial tcp"), offline.body());
  }

  @Test
  void failureAfterTheFirstMessageEndsTheStreamWithAnErrorMessage() throws Exception {
    registry.onPull = p -> {
      p.message("latest", "Pulling from library/busybox");
      throw new UnavailableException("unexpected EOF");
    };
    Response r = post("/images/create?fromImage=busybox&tag=latest", null);
    assertEquals(200, r.status());
    assertEquals("{\"status\":\"Pulling from library/busybox\",\"id\":\"latest\"}\r\n"
        + "{\"errorDetail\":{\"message\":\"unexpected EOF\"},\"error\":\"unexpected EOF\"}\r\n", r.body());
    assertEquals("", r.rest()); // the chunked body ended properly: the connection stays usable
  }

  @Test
  void badPlatformIs400BeforeThePullStarts() throws Exception {
    Response r = post("/images/create?fromImage=busybox&tag=latest&platform=foo", null);
    assertEquals(400, r.status());
    assertEquals("{\"message\":\"\\\"foo\\\": unknown operating system or architecture: invalid argument\"}\n",
        r.body());
    assertTrue(registry.pulls.isEmpty());
    assertEquals(200, post("/images/create?fromImage=busybox&tag=latest&platform=linux%2Farm64%2Fv8", null).status());
    assertEquals("arm64", registry.pulls.getFirst().platform().architecture());
    assertEquals("v8", registry.pulls.getFirst().platform().variant());
  }

  @Test
  void pushRoutesNamesWithHostAndPortAndWritesTheDigestLines() throws Exception {
    registry.onPush = p -> {
      p.message(null, "The push refers to repository [127.0.0.1:5055/trace-busybox]");
      p.layer("fb63fa61b33b", "Pushed", -1, -1);
      p.pushed("v1", Digest.parse(DIGEST), 527);
    };
    Response r = post("/v1.44/images/127.0.0.1:5055/trace-busybox/push?tag=v1", "{}");
    assertEquals(200, r.status());
    assertEquals("{\"status\":\"The push refers to repository [127.0.0.1:5055/trace-busybox]\"}\r\n"
        + "{\"status\":\"Pushed\",\"progressDetail\":{},\"id\":\"fb63fa61b33b\"}\r\n"
        + "{\"status\":\"v1: digest: " + DIGEST + " size: 527\"}\r\n"
        + "{\"progressDetail\":{},\"aux\":{\"Tag\":\"v1\",\"Digest\":\"" + DIGEST + "\",\"Size\":527}}\r\n",
        r.body());
    assertEquals("127.0.0.1:5055/trace-busybox:v1", registry.pushes.getFirst().ref().toString());

    post("/images/127.0.0.1:5055/a/b/push?tag=", null);
    assertEquals("127.0.0.1:5055/a/b", registry.pushes.get(1).ref().toString()); // no tag: every tag
    post("/images/x:v2/push?tag=v3", null);
    assertEquals("docker.io/library/x:v3", registry.pushes.get(2).ref().toString());
  }

  @Test
  void pushOfAMissingImageIs404BeforeAnyStream() throws Exception {
    registry.onPush = p -> {
      throw new NotFoundException("An image does not exist locally with the tag: 127.0.0.1:5055/nope");
    };
    Response r = post("/images/127.0.0.1:5055/nope/push?tag=latest", null);
    assertEquals(404, r.status());
    assertEquals("{\"message\":\"An image does not exist locally with the tag: 127.0.0.1:5055/nope\"}\n", r.body());
  }

  @Test
  void searchAnswersDockersFieldsInOrderAndPassesTermLimitAndFilters() throws Exception {
    registry.hits = List.of(new SearchResult("busybox", "Busybox base image.", 3400, true, false),
        new SearchResult("u/busy", null, 3, false, false));
    Response r = harness.request("GET /v1.44/images/search?term=busybox&limit=5&filters=%7B%22stars%22%3A%5B%223%22%5D%7D"
        + " HTTP/1.1\r\nHost: x\r\nX-Registry-Auth: e30=\r\n\r\n");
    assertEquals(200, r.status());
    assertEquals("[{\"star_count\":3400,\"is_official\":true,\"name\":\"busybox\",\"is_automated\":false,"
        + "\"description\":\"Busybox base image.\"},{\"star_count\":3,\"is_official\":false,\"name\":\"u/busy\","
        + "\"is_automated\":false,\"description\":\"\"}]\n", r.body());
    FakeRegistry.Search search = registry.searches.getFirst();
    assertEquals("busybox", search.term());
    assertEquals(5, search.limit());
    assertEquals(java.util.Set.of("3"), search.filters().values("stars"));
    assertEquals(RegistryAuth.ANONYMOUS, search.auth());

    harness.request("GET /images/search?term=127.0.0.1:5000/word HTTP/1.1\r\nHost: x\r\n\r\n");
    assertEquals(0, registry.searches.get(1).limit()); // absent: the engine's default applies
    Response bad = harness.request("GET /images/search?term=x&limit=ten HTTP/1.1\r\nHost: x\r\n\r\n");
    assertEquals(400, bad.status());
    assertEquals("{\"message\":\"invalid limit specified: strconv.Atoi: parsing \\\"ten\\\": invalid syntax\"}\n",
        bad.body());
    assertFalse(registry.searches.size() > 2);
  }
}
