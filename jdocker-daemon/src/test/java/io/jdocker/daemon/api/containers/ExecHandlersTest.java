package io.jdocker.daemon.api.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.daemon.api.ApiJson;
import io.jdocker.daemon.api.Handler;
import io.jdocker.daemon.api.HijackResponse;
import io.jdocker.daemon.api.InMemoryHijack;
import io.jdocker.daemon.api.RouteRegistry;
import io.jdocker.daemon.api.testing.FakeRequest;
import io.jdocker.daemon.api.testing.FakeResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The exec routes against a scripted backend whose "process" is a pair of pipes the test drives. */
class ExecHandlersTest {
  final Map<String, Handler> routes = new HashMap<>();
  final ScriptedExec backend = new ScriptedExec();

  ExecHandlersTest() {
    RouteRegistry registry = (method, pattern, handler) -> routes.put(method + " " + pattern, handler);
    new ExecRoutes(backend).register(registry);
  }

  Thread startExec(HijackResponse response, String body) {
    Thread t = Thread.ofVirtual().start(() -> {
      try {
        routes.get("POST /exec/{id}/start").handle(new FakeRequest("POST", "/exec/e1/start").param("id", "e1")
            .body(body.getBytes(StandardCharsets.UTF_8)), response);
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    });
    return t;
  }

  @Test
  void nonTtyOutputIsMultiplexedAndStdinEofClosesTheProcessStdin() throws Exception {
    backend.tty = false;
    HijackResponse response = new HijackResponse();
    Thread handler = startExec(response, "{\"Detach\":false,\"Tty\":false}");
    backend.started.await();
    response.connection.send("typed\n").halfClose();
    assertEquals("typed\n", backend.readStdin()); // EOF reached: the process's stdin was closed
    backend.stdout.write("out\n".getBytes(StandardCharsets.UTF_8));
    backend.stderr.write("err\n".getBytes(StandardCharsets.UTF_8));
    backend.finish(3);
    handler.join();
    assertEquals("application/vnd.docker.multiplexed-stream", response.hijackedAs());
    List<InMemoryHijack.Frame> frames = response.connection.frames();
    assertTrue(frames.stream().anyMatch(f -> f.stream() == 1 && f.text().equals("out\n")), frames.toString());
    assertTrue(frames.stream().anyMatch(f -> f.stream() == 2 && f.text().equals("err\n")), frames.toString());
    assertTrue(response.connection.serverClosed());
  }

  @Test
  void ttyOutputIsRaw() throws Exception {
    backend.tty = true;
    HijackResponse response = new HijackResponse();
    Thread handler = startExec(response, "{\"Detach\":false,\"Tty\":true,\"ConsoleSize\":[24,80]}");
    backend.started.await();
    backend.stdout.write("hi\r\n".getBytes(StandardCharsets.UTF_8));
    backend.finish(0);
    handler.join();
    assertEquals("application/vnd.docker.raw-stream", response.hijackedAs());
    assertEquals("hi\r\n", response.connection.receivedText());
    assertEquals(List.of(24, 80), backend.lastStart.consoleSize());
  }

  @Test
  void aStartFailureIsWrittenIntoTheStream() throws Exception {
    backend.failure = new io.jdocker.errdefs.InvalidParameterException("OCI runtime exec failed: boom: unknown");
    HijackResponse response = new HijackResponse();
    startExec(response, "{\"Detach\":false,\"Tty\":false}").join();
    assertEquals(List.of("1:OCI runtime exec failed: boom: unknown\r\n"),
        response.connection.frames().stream().map(Object::toString).toList());
  }

  @Test
  void detachAnswers200WithoutHijacking() throws Exception {
    HijackResponse response = new HijackResponse();
    routes.get("POST /exec/{id}/start").handle(new FakeRequest("POST", "/x").param("id", "e1")
        .body("{\"Detach\":true}".getBytes(StandardCharsets.UTF_8)), response);
    assertEquals(200, response.status());
    assertNull(response.hijackedAs());
    assertTrue(backend.lastStart.detach());
  }

  @Test
  void resizeWaitsForTheBackendAndInspectShowsTheFields() throws Exception {
    FakeResponse resized = new FakeResponse();
    routes.get("POST /exec/{id}/resize").handle(new FakeRequest("POST", "/x").param("id", "e1").query("h", "30")
        .query("w", "100"), resized);
    assertEquals(200, resized.status);
    assertEquals("30x100", backend.resized);
    FakeResponse inspected = new FakeResponse();
    routes.get("GET /exec/{id}/json").handle(new FakeRequest("GET", "/x").param("id", "e1"), inspected);
    var json = inspected.json;
    assertEquals("e1", json.get("ID").asText());
    assertTrue(json.get("ExitCode").isNull());
    assertEquals("sh", json.get("ProcessConfig").get("entrypoint").asText());
    assertEquals("[\"-c\",\"exit 4\"]", json.get("ProcessConfig").get("arguments").toString());
    assertFalse(json.get("ProcessConfig").has("user"));
    assertEquals("c1", json.get("ContainerID").asText());
  }

  @Test
  void createAnswers201WithTheId() throws Exception {
    FakeResponse r = new FakeResponse();
    routes.get("POST /containers/{id}/exec").handle(new FakeRequest("POST", "/x").param("id", "c1")
        .body("{\"Cmd\":[\"sh\"],\"Tty\":true,\"AttachStdin\":true,\"Env\":null}".getBytes(StandardCharsets.UTF_8)), r);
    assertEquals(201, r.status);
    assertEquals("e1", r.json.get("Id").asText());
    assertEquals(List.of("sh"), backend.created.cmd());
    assertTrue(backend.created.tty());
    assertEquals(List.of(), backend.created.env());
  }

  @Test
  void inspectResponseSerialisesExitCodeNullWhileRunning() throws Exception {
    String json = ApiJson.mapper().writeValueAsString(new ExecInspectResponse("x", true, null,
        new ExecInspectResponse.ProcessConfig(false, "sh", List.of(), false, "root"), false, true, true, false, "c",
        "", 42));
    assertTrue(json.contains("\"ExitCode\":null"), json);
    assertTrue(json.contains("\"user\":\"root\""), json);
  }

  /** An exec backend whose process is pipes: the test writes its output and reads its stdin. */
  static final class ScriptedExec implements ExecBackend {
    boolean tty;
    RuntimeException failure;
    ExecCreateRequest created;
    ExecStartRequest lastStart;
    String resized;
    final CountDownLatch started = new CountDownLatch(1);
    final CompletableFuture<Integer> exit = new CompletableFuture<>();
    PipedOutputStream stdout;
    PipedOutputStream stderr;
    PipedInputStream stdinRead;

    @Override
    public String create(String container, ExecCreateRequest request) {
      created = request;
      return "e1";
    }

    @Override
    public void requireExists(String execId) {}

    @Override
    public ExecStreams start(String execId, ExecStartRequest request) {
      lastStart = request;
      if (failure != null) {
        throw failure;
      }
      if (request.detach()) {
        return new ExecStreams(tty, null, null, null, exit);
      }
      try {
        PipedInputStream out = new PipedInputStream(1 << 16);
        stdout = new PipedOutputStream(out);
        PipedInputStream err = null;
        if (!tty) {
          err = new PipedInputStream(1 << 16);
          stderr = new PipedOutputStream(err);
        }
        stdinRead = new PipedInputStream(1 << 16);
        PipedOutputStream in = new PipedOutputStream(stdinRead);
        started.countDown();
        return new ExecStreams(tty, in, out, err, exit);
      } catch (IOException e) {
        throw new RuntimeException(e);
      }
    }

    String readStdin() throws IOException {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      stdinRead.transferTo(b);
      return b.toString(StandardCharsets.UTF_8);
    }

    void finish(int code) throws IOException {
      stdout.close();
      if (stderr != null) {
        stderr.close();
      }
      exit.complete(code);
    }

    @Override
    public void resize(String execId, int height, int width) {
      resized = height + "x" + width;
    }

    @Override
    public ExecInspectResponse inspect(String execId) {
      return new ExecInspectResponse(execId, true, null, new ExecInspectResponse.ProcessConfig(tty, "sh",
          List.of("-c", "exit 4"), false, ""), false, true, true, false, "c1", "", 0);
    }
  }
}
