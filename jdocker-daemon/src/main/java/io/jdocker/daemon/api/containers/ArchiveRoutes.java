package io.jdocker.daemon.api.containers;

import io.jdocker.daemon.api.RouteGroup;
import io.jdocker.daemon.api.RouteRegistry;
import io.jdocker.daemon.archive.PathStat;
import io.jdocker.errdefs.InvalidParameterException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * docker cp: {@code HEAD}, {@code GET} and {@code PUT /containers/{id}/archive?path=}. HEAD and
 * GET carry the path's stat as {@code X-Docker-Container-Path-Stat}; GET sends it as a tar.
 */
public final class ArchiveRoutes implements RouteGroup {
  private final ArchiveBackend backend;

  public ArchiveRoutes(ArchiveBackend backend) {
    this.backend = Objects.requireNonNull(backend, "backend");
  }

  @Override
  public void register(RouteRegistry r) {
    r.add("HEAD", "/containers/{id}/archive", (q, s) -> {
      PathStat stat = backend.stat(q.pathParam("id"), path(q));
      s.header(PathStat.HEADER, stat.headerValue()).empty(200);
    });
    r.add("GET", "/containers/{id}/archive", (q, s) -> backend.archive(q.pathParam("id"), path(q), archive -> {
      s.header(PathStat.HEADER, archive.stat().headerValue());
      try (OutputStream out = s.stream(200, "application/x-tar")) {
        archive.writeTo(out);
      }
    }));
    r.add("PUT", "/containers/{id}/archive", (q, s) -> {
      backend.extract(q.pathParam("id"), path(q), q.body(), q.queryBool("noOverwriteDirNonDir", false),
          q.queryBool("copyUIDGID", false));
      s.empty(200);
    });
  }

  private static String path(io.jdocker.daemon.api.ApiRequest q) {
    String path = q.query("path").orElse("");
    if (path.isEmpty()) {
      throw new InvalidParameterException("Path cannot be empty");
    }
    return path;
  }
}
