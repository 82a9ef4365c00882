package io.jdocker.daemon.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.daemon.api.DispatcherHarness.Response;
import io.jdocker.errdefs.ConflictException;
import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.errdefs.NotFoundException;
import io.jdocker.errdefs.NotModifiedException;
import io.jdocker.errdefs.UnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ApiDispatcherTest {
  private final CountDownLatch firstBytesRead = new CountDownLatch(1);
  private final CountDownLatch handlerWaiting = new CountDownLatch(1);
  private final CountDownLatch clientGone = new CountDownLatch(1);
  private final AtomicReference<String> streamedBody = new AtomicReference<>();
  private final AtomicReference<Throwable> writeAfterDisconnect = new AtomicReference<>();

  record Named(String name, int size) {}

  private final DispatcherHarness harness = new DispatcherHarness(routes -> {
    routes.add("GET", "/echo", (req, resp) -> resp.json(200,
        Map.of("version", req.version().toString(), "path", req.path())));
    routes.add("GET", "/images/{name*}/json", (req, resp) -> resp.json(200, Map.of("name", req.pathParam("name"))));
    routes.add("GET", "/images/json", (req, resp) -> resp.json(200, java.util.List.of()));
    routes.add("GET", "/fail/{kind}", (req, resp) -> {
      throw failure(req.pathParam("kind"));
    });
    routes.add("POST", "/json", (req, resp) -> resp.json(201, req.bodyJson(Named.class)));
    routes.add("GET", "/int", (req, resp) -> resp.json(200, Map.of("t", req.queryLong("t", -1))));
    routes.add("GET", "/bool", (req, resp) -> resp.json(200, Map.of("v", req.queryBool("v", true))));
    routes.add("POST", "/upload", (req, resp) -> {
      InputStream in = req.body();
      byte[] first = in.readNBytes(5);
      firstBytesRead.countDown();
      String rest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      streamedBody.set(new String(first, StandardCharsets.UTF_8) + rest);
      resp.empty(204);
    });
    routes.add("POST", "/progress", (req, resp) -> {
      try (JsonStream stream = resp.jsonStream(200)) {
        stream.write(Map.of("status", "a"));
        stream.write(Map.of("status", "b"));
      }
    });
    routes.add("GET", "/follow", (req, resp) -> {
      OutputStream out = resp.stream(200, "application/json");
      out.write("{}\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      req.onDisconnect(clientGone::countDown);
      handlerWaiting.countDown();
      clientGone.await();
      try {
        out.write("{}\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
      } catch (IOException expected) {
        writeAfterDisconnect.set(expected);
      }
    });
    routes.add("GET", "/silent", (req, resp) -> {});
  });

  private static RuntimeException failure(String kind) {
    return switch (kind) {
      case "notfound" -> new NotFoundException("No such image: x");
      case "conflict" -> new ConflictException("in use");
      case "invalid" -> new InvalidParameterException("bad ref");
      case "notmodified" -> new NotModifiedException("already started");
      case "unavailable" -> new UnavailableException("registry down");
      default -> new IllegalStateException("boom");
    };
  }

  @AfterEach
  void close() {
    harness.close();
  }

  private static String get(String path) {
    return "GET " + path + " HTTP/1.1\r\nHost: api.moby.localhost\r\n\r\n";
  }

  @Test
  void versionPrefixIsStrippedAndReported() throws Exception {
    Response r = harness.request(get("/v1.30/echo"));
    assertEquals(200, r.status());
    assertEquals("{\"version\":\"1.30\",\"path\":\"/echo\"}\n", sortedJson(r.body()));
    assertEquals("1.44", r.headers().get("api-version"));
  }

  @Test
  void unversionedPathIsServedAtMaximum() throws Exception {
    assertEquals("{\"version\":\"1.44\",\"path\":\"/echo\"}\n", sortedJson(harness.request(get("/echo")).body()));
  }

  @Test
  void tooNewVersionIs400Json() throws Exception {
    Response r = harness.request(get("/v1.50/echo"));
    assertEquals(400, r.status());
    assertEquals("application/json", r.headers().get("content-type"));
    assertEquals("{\"message\":\"client version 1.50 is too new. Maximum supported API version is 1.44\"}\n", r.body());
  }

  @Test
  void tooOldVersionIs400Text() throws Exception {
    Response r = harness.request(get("/v1.11/echo"));
    assertEquals(400, r.status());
    assertTrue(r.headers().get("content-type").startsWith("text/plain"));
    assertEquals("client version 1.11 is too old. Minimum supported API version is 1.24, "
        + "please upgrade your client to a newer version", r.body());
  }

  @Test
  void unknownRouteIsPageNotFoundWithoutApiVersion() throws Exception {
    Response r = harness.request(get("/v1.44/nope"));
    assertEquals(404, r.status());
    assertEquals("{\"message\":\"page not found\"}\n", r.body());
    assertNull(r.headers().get("api-version"));
    assertEquals("linux", r.headers().get("ostype"));
  }

  @Test
  void everyResponseCarriesDockerHeaders() throws Exception {
    Response r = harness.request(get("/echo"));
    assertEquals("1.44", r.headers().get("api-version"));
    assertEquals("false", r.headers().get("docker-experimental"));
    assertEquals("linux", r.headers().get("ostype"));
    assertEquals("jdocker/test (linux)", r.headers().get("server"));
    assertTrue(r.headers().containsKey("date"));
  }

  @Test
  void optionsIs200() throws Exception {
    assertEquals(200, harness.request("OPTIONS / HTTP/1.1\r\nHost: x\r\n\r\n").status());
  }

  @Test
  void imageNamesWithRegistryPortAndTagReachTheHandlerAndLiteralsWin() throws Exception {
    assertEquals("{\"name\":\"127.0.0.1:5000/a/b:tag\"}\n",
        harness.request(get("/v1.44/images/127.0.0.1:5000/a/b:tag/json")).body());
    assertEquals("[]\n", harness.request(get("/v1.44/images/json")).body());
    assertEquals("{\"name\":\"a/b c\"}\n", harness.request(get("/images/a%2Fb%20c/json")).body());
  }

  @Test
  void headHasHeadersButNoBodyAndConnectionStaysUsable() throws Exception {
    String raw = harness.exchange("HEAD /echo HTTP/1.1\r\nHost: x\r\n\r\n");
    Response head = Response.parse(raw, true);
    assertEquals(200, head.status());
    assertTrue(Integer.parseInt(head.headers().get("content-length")) > 0);
    assertEquals("", head.rest());
    assertEquals(200, harness.request(get("/echo")).status());
  }

  @Test
  void keepAliveServesSequentialAndPipelinedRequests() throws Exception {
    assertEquals(200, harness.request(get("/echo")).status());
    assertEquals(404, harness.request(get("/nope")).status());
    Response first = harness.request(get("/images/a/json") + get("/images/b/json"));
    assertEquals("{\"name\":\"a\"}\n", first.body());
    harness.awaitHandlers();
    Response second = Response.parse(first.rest() + harness.readOutbound());
    assertEquals("{\"name\":\"b\"}\n", second.body());
    assertTrue(harness.channel.isOpen());
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of("notfound", 404, "{\"message\":\"No such image: x\"}\n"),
        Arguments.of("conflict", 409, "{\"message\":\"in use\"}\n"),
        Arguments.of("invalid", 400, "{\"message\":\"bad ref\"}\n"),
        Arguments.of("notmodified", 304, ""),
        Arguments.of("unavailable", 500, "{\"message\":\"registry down\"}\n"),
        Arguments.of("other", 500, "{\"message\":\"boom\"}\n"));
  }

  @ParameterizedTest
  @MethodSource("failures")
  void engineErrorsMapToStatusAndMessage(String kind, int status, String body) throws Exception {
    Response r = harness.request(get("/fail/" + kind));
    assertEquals(status, r.status());
    assertEquals(body, r.body());
    assertEquals(200, harness.request(get("/echo")).status(), "connection still usable");
  }

  @Test
  void malformedJsonBodyIs400NamingTheProblem() throws Exception {
    String body = "{\"name\": oops}";
    Response r = harness.request("POST /json HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + body.length() + "\r\n\r\n" + body);
    assertEquals(400, r.status());
    assertTrue(r.body().contains("invalid JSON"), r.body());
    assertTrue(r.body().contains("oops"), r.body());
  }

  @Test
  void emptyJsonBodyIs400() throws Exception {
    Response r = harness.request("POST /json HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
    assertEquals(400, r.status());
    assertTrue(r.body().contains("EOF"), r.body());
  }

  @Test
  void jsonBodyIsParsedIgnoringUnknownFields() throws Exception {
    String body = "{\"name\":\"x\",\"size\":3,\"extra\":true}";
    Response r = harness.request("POST /json HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length()
        + "\r\n\r\n" + body);
    assertEquals(201, r.status());
    assertEquals("{\"name\":\"x\",\"size\":3}\n", r.body());
  }

  @Test
  void badIntegerIs400NamingTheParameter() throws Exception {
    Response r = harness.request(get("/int?t=abc"));
    assertEquals(400, r.status());
    assertTrue(r.body().contains("\\\"t\\\"") && r.body().contains("abc"), r.body());
    assertEquals("{\"t\":5}\n", harness.request(get("/int?t=5")).body());
  }

  @Test
  void booleansFollowDockerdRule() throws Exception {
    assertEquals("{\"v\":false}\n", harness.request(get("/bool?v=False")).body());
    assertEquals("{\"v\":false}\n", harness.request(get("/bool?v=0")).body());
    assertEquals("{\"v\":true}\n", harness.request(get("/bool?v=1")).body());
    assertEquals("{\"v\":true}\n", harness.request(get("/bool")).body());
  }

  @Test
  void chunkedBodyIsStreamedToTheHandlerBeforeItEnds() throws Exception {
    harness.write("POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "5\r\nhello\r\n");
    firstBytesRead.await(); // the handler has bytes although the body has not ended
    harness.write("6\r\n world\r\n0\r\n\r\n");
    harness.awaitHandlers();
    Response r = Response.parse(harness.readOutbound());
    assertEquals(204, r.status());
    assertEquals("hello world", streamedBody.get());
  }

  @Test
  void expectContinueGets100First() throws Exception {
    harness.write("POST /upload HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
    String interim = harness.readOutbound();
    assertTrue(interim.startsWith("HTTP/1.1 100 Continue"), interim);
    harness.write("abcde");
    harness.awaitHandlers();
    assertEquals(204, Response.parse(harness.readOutbound()).status());
    assertEquals("abcde", streamedBody.get());
  }

  @Test
  void jsonStreamIsChunkedOneMessagePerChunkEndingInCrLf() throws Exception {
    String raw = harness.exchange("POST /progress HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
    Response r = Response.parse(raw);
    assertEquals(200, r.status());
    assertEquals("chunked", r.headers().get("transfer-encoding"));
    assertEquals("application/json", r.headers().get("content-type"));
    assertEquals("{\"status\":\"a\"}\r\n{\"status\":\"b\"}\r\n", r.body());
    assertTrue(raw.contains("\r\n\r\n10\r\n{\"status\":\"a\"}\r\n\r\n10\r\n{\"status\":\"b\"}\r\n\r\n0\r\n\r\n"), raw);
  }

  @Test
  void handlerThatWritesNothingAnswers200Empty() throws Exception {
    Response r = harness.request(get("/silent"));
    assertEquals(200, r.status());
    assertEquals("0", r.headers().get("content-length"));
  }

  @Test
  void disconnectIsSignalledAndLaterWritesFail() throws Exception {
    harness.write(get("/follow"));
    handlerWaiting.await();
    String headAndFirstChunk = harness.readOutbound();
    assertTrue(headAndFirstChunk.contains("3\r\n{}\n\r\n"), headAndFirstChunk);
    harness.channel.close();
    harness.awaitHandlers();
    assertTrue(writeAfterDisconnect.get() instanceof IOException);
  }

  @Test
  void clientHalfCloseCountsAsGone() throws Exception {
    harness.write(get("/follow"));
    handlerWaiting.await();
    harness.channel.pipeline().fireUserEventTriggered(
        io.netty.channel.socket.ChannelInputShutdownEvent.INSTANCE);
    harness.awaitHandlers();
    assertFalse(harness.channel.isOpen(), "closed once the response ended");
  }

  /** Map.of has no order: normalise {"path","version"} objects for comparison. */
  private static String sortedJson(String json) throws IOException {
    var mapper = ApiJson.mapper();
    return mapper.writeValueAsString(new java.util.TreeMap<>(mapper.readValue(json, Map.class))
        .descendingMap()) + "\n";
  }
}
