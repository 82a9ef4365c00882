package io.jdocker.daemon.api.system;

import io.jdocker.daemon.api.RouteGroup;
import io.jdocker.daemon.api.RouteRegistry;
import java.util.Objects;

/**
 * {@code GET /system/df}. A group of its own because it needs the image and container engines,
 * which the other system routes do not.
 */
public final class DiskUsageRoutes implements RouteGroup {
  private final DiskUsageBackend backend;

  public DiskUsageRoutes(DiskUsageBackend backend) {
    this.backend = Objects.requireNonNull(backend, "backend");
  }

  @Override
  public void register(RouteRegistry routes) {
    routes.add("GET", "/system/df", new DiskUsageHandler(backend));
  }
}
