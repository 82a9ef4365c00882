package io.jdocker.daemon.api.images;

import io.jdocker.daemon.api.ApiRequest;
import io.jdocker.daemon.api.ApiResponse;
import io.jdocker.daemon.api.Handler;

/** {@code GET /images/{name}/json}. */
final class ImageInspectHandler implements Handler {
  private final ImagesBackend backend;

  ImageInspectHandler(ImagesBackend backend) {
    this.backend = backend;
  }

  @Override
  public void handle(ApiRequest request, ApiResponse response) {
    var image = backend.inspect(request.pathParam("name"));
    response.json(200, ImageWire.inspect(image, backend.references(image.id()), request.version(), backend::layerDiff));
  }
}
