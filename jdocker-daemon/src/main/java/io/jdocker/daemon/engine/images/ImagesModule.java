package io.jdocker.daemon.engine.images;

import io.jdocker.daemon.api.RouteGroup;
import io.jdocker.daemon.api.images.ImageRoutes;
import io.jdocker.daemon.engine.events.EventBus;
import io.jdocker.image.layer.LayerUnpacker;
import io.jdocker.image.store.ImageStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Wiring of the image store into the daemon: opens the store under the data root and exposes
 * the image routes. Main calls {@link #open} once at start-up.
 */
public final class ImagesModule implements AutoCloseable {
  private final ImageService service;
  private final RouteGroup routes;

  private ImagesModule(ImageService service) {
    this.service = service;
    this.routes = new ImageRoutes(service);
  }

  /** Opens (creating if needed) the image store under {@code dataRoot}. */
  public static ImagesModule open(Path dataRoot, EventBus events) {
    return open(dataRoot, events, ContainerImageUsage.NONE);
  }

  /** As {@link #open(Path, EventBus)}, with the container engine's view of which images are in use. */
  public static ImagesModule open(Path dataRoot, EventBus events, ContainerImageUsage usage) {
    try {
      ImageStore store = ImageStore.open(dataRoot, LayerUnpacker.create());
      return new ImagesModule(new ImageService(store, events, usage));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open image store under " + dataRoot + ": " + e.getMessage(), e);
    }
  }

  public RouteGroup routes() {
    return routes;
  }

  /** The image engine, for other engines (containers need images and their layer dirs). */
  public ImageService service() {
    return service;
  }

  /** Number of images, for {@code /info}. */
  public int imageCount() {
    return service.store().count();
  }

  @Override
  public void close() {}
}
