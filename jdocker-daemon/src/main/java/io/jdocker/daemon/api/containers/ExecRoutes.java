package io.jdocker.daemon.api.containers;

import io.jdocker.daemon.api.RouteGroup;
import io.jdocker.daemon.api.RouteRegistry;
import com.fasterxml.jackson.core.JacksonException;
import io.jdocker.daemon.api.ApiJson;
import io.jdocker.daemon.api.ApiRequest;
import io.jdocker.errdefs.InvalidParameterException;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/** docker exec: create, start (hijacked unless detached), resize and inspect. */
public final class ExecRoutes implements RouteGroup {
  private final ExecBackend backend;

  public ExecRoutes(ExecBackend backend) {
    this.backend = Objects.requireNonNull(backend, "backend");
  }

  @Override
  public void register(RouteRegistry r) {
    r.add("POST", "/containers/{id}/exec", (q, s) ->
        s.json(201, Map.of("Id", backend.create(q.pathParam("id"), parse(q, ExecCreateRequest.class, null)))));
    r.add("POST", "/exec/{id}/start", new ExecStartHandler(backend));
    r.add("POST", "/exec/{id}/resize", (q, s) -> {
      backend.resize(q.pathParam("id"), (int) q.queryLong("h", 0), (int) q.queryLong("w", 0));
      s.empty(200);
    });
    r.add("GET", "/exec/{id}/json", (q, s) -> s.json(200, backend.inspect(q.pathParam("id"))));
  }

  /** The JSON body; {@code empty} when there is none (null: a body is required). */
  static <T> T parse(ApiRequest q, Class<T> type, T empty) throws IOException {
    byte[] body = q.body().readAllBytes();
    if (body.length == 0 && empty != null) {
      return empty;
    }
    try {
      return ApiJson.mapper().readValue(body, type);
    } catch (JacksonException e) {
      throw new InvalidParameterException(body.length == 0 ? "request body is empty"
          : "invalid JSON in the request body: " + e.getOriginalMessage());
    }
  }
}
