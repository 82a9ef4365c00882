package io.jdocker.daemon.engine.images;

import io.jdocker.daemon.api.RouteGroup;
import io.jdocker.daemon.api.images.ImageRoutes;
import io.jdocker.daemon.engine.events.EventBus;
import io.jdocker.image.layer.LayerUnpacker;
import io.jdocker.image.registry.RegistryAccess;
import io.jdocker.image.store.ImageStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Wiring of the image store and the registries into the daemon: opens the store under the data
 * root and exposes the image routes. Main calls {@link #open} once at start-up.
 */
public final class ImagesModule implements AutoCloseable {
  private final ImageService service;
  private final RegistryService registry;
  private final RouteGroup routes;

  private ImagesModule(ImageService service, RegistryService registry) {
    this.service = service;
    this.registry = registry;
    this.routes = new ImageRoutes(service, registry);
  }

  /**
   * Opens (creating if needed) the image store under {@code dataRoot}.
   *
   * @param usage the container engine's view of which images are in use
   * @param registries how pull, push, search and login reach registries
   */
  public static ImagesModule open(Path dataRoot, EventBus events, ContainerImageUsage usage,
      RegistryAccess registries) {
    try {
      ImageStore store = ImageStore.open(dataRoot, LayerUnpacker.create());
      return new ImagesModule(new ImageService(store, events, usage), new RegistryService(store, registries, events));
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

  /** Pull, push, search and login; the system routes take {@code docker login} from here. */
  public RegistryService registry() {
    return registry;
  }

  /** Number of images, for {@code /info}. */
  public int imageCount() {
    return service.store().count();
  }

  @Override
  public void close() {}
}
