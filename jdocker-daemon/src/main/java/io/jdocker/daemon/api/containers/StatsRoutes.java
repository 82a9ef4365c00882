package io.jdocker.daemon.api.containers;

import io.jdocker.daemon.api.ApiJson;
import io.jdocker.daemon.api.ApiRequest;
import io.jdocker.daemon.api.ApiResponse;
import io.jdocker.daemon.api.ApiVersion;
import io.jdocker.daemon.api.RouteGroup;
import io.jdocker.daemon.api.RouteRegistry;
import java.io.OutputStream;
import java.util.Objects;

/**
 * {@code GET /containers/{id}/stats?stream=&one-shot=} (docker stats). {@code stream=false} is one
 * JSON body with a length; a stream is chunked, its headers flushed at once and without a
 * Content-Type (as dockerd), each sample a "\n"-terminated line flushed as it is taken.
 */
public final class StatsRoutes implements RouteGroup {
  /** one-shot arrived in API 1.41; dockerd ignores it from older clients. */
  private static final ApiVersion ONE_SHOT = new ApiVersion(1, 41);

  private final StatsBackend backend;

  public StatsRoutes(StatsBackend backend) {
    this.backend = Objects.requireNonNull(backend, "backend");
  }

  @Override
  public void register(RouteRegistry r) {
    r.add("GET", "/containers/{id}/stats", this::stats);
  }

  private void stats(ApiRequest q, ApiResponse s) throws Exception {
    String id = q.pathParam("id");
    if (!q.queryBool("stream", true)) {
      boolean oneShot = q.version().atLeast(ONE_SHOT) && q.queryBool("one-shot", false);
      s.json(200, backend.stats(id, oneShot));
      return;
    }
    try (StatsBackend.Samples samples = backend.stream(id); OutputStream out = s.stream(200, null)) {
      q.onDisconnect(samples::close);
      for (ContainerStatsResponse sample = samples.next(); sample != null; sample = samples.next()) {
        out.write(ApiJson.line(sample));
        out.flush();
      }
    }
  }
}
