package io.jdocker.daemon.api.containers;

import io.jdocker.daemon.api.RouteGroup;
import io.jdocker.daemon.api.RouteRegistry;

/** The container routes (Docker API 1.44), each a thin handler on {@link ContainersBackend}. */
public final class ContainerRoutes implements RouteGroup {
  private final ContainersBackend backend;

  public ContainerRoutes(ContainersBackend backend) {
    this.backend = java.util.Objects.requireNonNull(backend, "backend");
  }

  @Override
  public void register(RouteRegistry r) {
    r.add("POST", "/containers/create", new ContainerCreateHandler(backend));
    r.add("GET", "/containers/json", new ContainerListHandler(backend));
    r.add("POST", "/containers/prune", new ContainerPruneHandler(backend));
    r.add("GET", "/containers/{id}/json", new ContainerInspectHandler(backend));
    r.add("POST", "/containers/{id}/start", (q, s) -> { backend.start(q.pathParam("id")); s.empty(204); });
    r.add("POST", "/containers/{id}/stop", (q, s) -> {
      backend.stop(q.pathParam("id"), timeout(q), q.query("signal").orElse(null));
      s.empty(204);
    });
    r.add("POST", "/containers/{id}/restart", (q, s) -> {
      backend.restart(q.pathParam("id"), timeout(q), q.query("signal").orElse(null));
      s.empty(204);
    });
    r.add("POST", "/containers/{id}/kill", (q, s) -> {
      backend.kill(q.pathParam("id"), q.query("signal").orElse(null));
      s.empty(204);
    });
    r.add("POST", "/containers/{id}/pause", (q, s) -> { backend.pause(q.pathParam("id")); s.empty(204); });
    r.add("POST", "/containers/{id}/unpause", (q, s) -> { backend.unpause(q.pathParam("id")); s.empty(204); });
    r.add("POST", "/containers/{id}/rename", (q, s) -> {
      backend.rename(q.pathParam("id"), q.query("name").orElse(""));
      s.empty(204);
    });
    r.add("POST", "/containers/{id}/wait", new ContainerWaitHandler(backend));
    r.add("DELETE", "/containers/{id}", (q, s) -> {
      backend.remove(q.pathParam("id"), q.queryBool("force", false), q.queryBool("v", false));
      s.empty(204);
    });
    r.add("GET", "/containers/{id}/top", (q, s) ->
        s.json(200, backend.top(q.pathParam("id"), q.query("ps_args").orElse(""))));
    r.add("GET", "/containers/{id}/changes", (q, s) -> s.json(200, backend.changes(q.pathParam("id"))));
    r.add("GET", "/containers/{id}/logs", new ContainerLogsHandler(backend));
    r.add("POST", "/containers/{id}/attach", new ContainerAttachHandler(backend));
    r.add("POST", "/containers/{id}/resize", (q, s) -> {
      backend.resize(q.pathParam("id"), (int) q.queryLong("h", 0), (int) q.queryLong("w", 0));
      s.empty(200);
    });
  }

  /** {@code t}: seconds to wait before SIGKILL; absent means the container's StopTimeout. */
  static Integer timeout(io.jdocker.daemon.api.ApiRequest q) {
    return q.query("t").isPresent() ? (int) q.queryLong("t", 10) : null;
  }
}
