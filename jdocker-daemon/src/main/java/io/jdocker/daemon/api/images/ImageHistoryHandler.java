package io.jdocker.daemon.api.images;

import io.jdocker.daemon.api.ApiRequest;
import io.jdocker.daemon.api.ApiResponse;
import io.jdocker.daemon.api.Handler;

/** {@code GET /images/{name}/history}. */
final class ImageHistoryHandler implements Handler {
  private final ImagesBackend backend;

  ImageHistoryHandler(ImagesBackend backend) {
    this.backend = backend;
  }

  @Override
  public void handle(ApiRequest request, ApiResponse response) {
    var image = backend.inspect(request.pathParam("name"));
    response.json(200, ImageWire.history(image, id -> backend.find(id), backend::references));
  }
}
