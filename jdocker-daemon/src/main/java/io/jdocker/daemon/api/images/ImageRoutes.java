package io.jdocker.daemon.api.images;

import io.jdocker.daemon.api.RouteGroup;
import io.jdocker.daemon.api.RouteRegistry;
import io.jdocker.errdefs.UnavailableException;

/** The image endpoints. Literal routes come first; names may contain '/' and ':'. */
public final class ImageRoutes implements RouteGroup {
  private final ImagesBackend backend;

  public ImageRoutes(ImagesBackend backend) {
    this.backend = java.util.Objects.requireNonNull(backend, "backend");
  }

  @Override
  public void register(RouteRegistry routes) {
    routes.add("GET", "/images/json", new ImagesListHandler(backend));
    routes.add("GET", "/images/search", (req, res) -> {
      throw new UnavailableException("search is not supported yet: no registry client (term "
          + req.query("term").orElse("") + ")");
    });
    routes.add("GET", "/images/get", new ImagesSaveHandler(backend));
    routes.add("POST", "/images/load", new ImagesLoadHandler(backend));
    routes.add("POST", "/images/create", new ImagesCreateHandler(backend));
    routes.add("GET", "/images/{name*}/json", new ImageInspectHandler(backend));
    routes.add("GET", "/images/{name*}/history", new ImageHistoryHandler(backend));
    routes.add("GET", "/images/{name*}/get", new ImagesSaveHandler(backend));
    routes.add("POST", "/images/{name*}/tag", new ImageTagHandler(backend));
    routes.add("DELETE", "/images/{name*}", new ImageDeleteHandler(backend));
  }
}
