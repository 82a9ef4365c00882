package io.jdocker.daemon.api.images;

import io.jdocker.daemon.api.RouteGroup;
import io.jdocker.daemon.api.RouteRegistry;
import java.util.Objects;

/**
 * The image endpoints. Literal routes win over patterns; names may contain '/' and ':', so a
 * pattern route is told apart by its last segment ({@code /push}, {@code /tag}, ...).
 */
public final class ImageRoutes implements RouteGroup {
  private final ImagesBackend backend;
  private final RegistryBackend registry;

  public ImageRoutes(ImagesBackend backend, RegistryBackend registry) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public void register(RouteRegistry routes) {
    routes.add("GET", "/images/json", new ImagesListHandler(backend));
    routes.add("GET", "/images/search", new ImagesSearchHandler(registry));
    routes.add("GET", "/images/get", new ImagesSaveHandler(backend));
    routes.add("POST", "/images/load", new ImagesLoadHandler(backend));
    routes.add("POST", "/images/create", new ImagesCreateHandler(backend, registry));
    routes.add("GET", "/images/{name*}/json", new ImageInspectHandler(backend));
    routes.add("GET", "/images/{name*}/history", new ImageHistoryHandler(backend));
    routes.add("GET", "/images/{name*}/get", new ImagesSaveHandler(backend));
    routes.add("POST", "/images/{name*}/tag", new ImageTagHandler(backend));
    routes.add("POST", "/images/{name*}/push", new ImagePushHandler(registry));
    routes.add("DELETE", "/images/{name*}", new ImageDeleteHandler(backend));
  }
}
