package io.jdocker.daemon.api.containers;

import io.jdocker.daemon.api.testing.FakeRequest;
import io.jdocker.daemon.api.testing.FakeResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.daemon.api.Filters;
import io.jdocker.daemon.api.Handler;
import io.jdocker.daemon.api.RouteRegistry;
import io.jdocker.daemon.api.types.container.ContainerCreateRequest;
import io.jdocker.daemon.api.types.container.ContainerCreateResponse;
import io.jdocker.daemon.api.types.container.ContainerInspectResponse;
import io.jdocker.daemon.api.types.container.ContainerSummary;
import io.jdocker.daemon.api.types.container.ContainerTopResponse;
import io.jdocker.daemon.api.types.container.ContainerWaitResponse;
import io.jdocker.daemon.container.ContainerListFilter;
import io.jdocker.daemon.container.WaitCondition;
import io.jdocker.daemon.logs.LogReadOptions;
import io.jdocker.daemon.logs.LogSubscriber;
import io.jdocker.errdefs.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The container handlers are thin: they pass the query on and write what the backend answers. */
class ContainerHandlersTest {
  final List<String> calls = new ArrayList<>();
  final CompletableFuture<ContainerWaitResponse> waitResult = new CompletableFuture<>();
  final Map<String, Handler> routes = new HashMap<>();

  ContainerHandlersTest() {
    RouteRegistry registry = (method, pattern, handler) -> routes.put(method + " " + pattern, handler);
    new ContainerRoutes(new RecordingBackend()).register(registry);
  }

  FakeResponse call(String route, FakeRequest request) throws Exception {
    FakeResponse response = new FakeResponse();
    routes.get(route).handle(request, response);
    return response;
  }

  @Test
  void createPassesTheNameAndAnswers201() throws Exception {
    FakeResponse r = call("POST /containers/create", new FakeRequest("POST", "/containers/create")
        .query("name", "web").body("{\"Image\":\"busybox\"}".getBytes(StandardCharsets.UTF_8)));
    assertEquals(201, r.status);
    assertEquals("abc", r.json.get("Id").asText());
    assertEquals(List.of("create web busybox"), calls);
  }

  @Test
  void stopPassesTimeoutAndSignalOrNullWhenAbsent() throws Exception {
    assertEquals(204, call("POST /containers/{id}/stop", new FakeRequest("POST", "/x").param("id", "web")
        .query("t", "3").query("signal", "HUP")).status);
    assertEquals(204, call("POST /containers/{id}/stop", new FakeRequest("POST", "/x").param("id", "web")).status);
    assertEquals(List.of("stop web 3 HUP", "stop web null null"), calls);
  }

  @Test
  void waitFlushesHeadersFirstThenWritesTheStatus() throws Exception {
    waitResult.complete(ContainerWaitResponse.exited(3));
    FakeResponse r = call("POST /containers/{id}/wait", new FakeRequest("POST", "/x").param("id", "web")
        .query("condition", "next-exit"));
    assertEquals(200, r.status);
    assertEquals("{\"Error\":null,\"StatusCode\":3}\n", r.streamed.toString(StandardCharsets.UTF_8));
    assertTrue(r.closed);
    assertEquals(List.of("wait web NEXT_EXIT"), calls);
  }

  @Test
  void waitRefusesAnUnknownConditionBeforeAnswering() {
    assertThrows(InvalidParameterException.class, () -> call("POST /containers/{id}/wait",
        new FakeRequest("POST", "/x").param("id", "web").query("condition", "soon")));
    assertTrue(calls.isEmpty());
  }

  @Test
  void removeKillAndListPassTheirFlags() throws Exception {
    call("DELETE /containers/{id}", new FakeRequest("DELETE", "/x").param("id", "web").query("force", "1"));
    call("POST /containers/{id}/kill", new FakeRequest("POST", "/x").param("id", "web").query("signal", "INT"));
    FakeResponse list = call("GET /containers/json", new FakeRequest("GET", "/containers/json").query("all", "1")
        .query("limit", "2"));
    assertEquals(200, list.status);
    assertEquals(List.of("remove web true false", "kill web INT", "list true 2 false"), calls);
  }

  private final class RecordingBackend implements ContainersBackend {
    @Override
    public ContainerCreateResponse create(String name, ContainerCreateRequest request) {
      calls.add("create " + name + " " + request.config().image());
      return new ContainerCreateResponse("abc", List.of());
    }

    @Override public void start(String id) { calls.add("start " + id); }

    @Override
    public void stop(String id, Integer t, String signal) {
      calls.add("stop " + id + " " + t + " " + signal);
    }

    @Override
    public void restart(String id, Integer t, String signal) {
      calls.add("restart " + id + " " + t + " " + signal);
    }

    @Override public void kill(String id, String signal) { calls.add("kill " + id + " " + signal); }

    @Override
    public CompletableFuture<ContainerWaitResponse> wait(String id, WaitCondition condition) {
      calls.add("wait " + id + " " + condition);
      return waitResult;
    }

    @Override
    public List<ContainerSummary> list(ContainerListFilter.Options options, boolean size) {
      calls.add("list " + options.all() + " " + options.limit() + " " + size);
      return List.of();
    }

    @Override public ContainerInspectResponse inspect(String id, boolean size) { throw new UnsupportedOperationException(); }

    @Override
    public void remove(String id, boolean force, boolean volumes) {
      calls.add("remove " + id + " " + force + " " + volumes);
    }

    @Override public void pause(String id) { calls.add("pause " + id); }
    @Override public void unpause(String id) { calls.add("unpause " + id); }
    @Override public void rename(String id, String newName) { calls.add("rename " + id + " " + newName); }
    @Override public ContainerTopResponse top(String id, String psArgs) { throw new UnsupportedOperationException(); }
    @Override public Logs logs(String id, LogReadOptions options) { throw new UnsupportedOperationException(); }
    @Override public ContainerPruneResponse prune(Filters filters) { return new ContainerPruneResponse(null, 0); }
    @Override public List<FilesystemChange> changes(String id) { return List.of(); }
    @Override public Attachment attach(String id, boolean logs, LogSubscriber live) { throw new UnsupportedOperationException(); }
    @Override public void resize(String id, int height, int width) { calls.add("resize " + id); }
  }
}
