package io.jdocker.daemon.api.images;

import io.jdocker.daemon.api.ApiRequest;
import io.jdocker.daemon.api.ApiResponse;
import io.jdocker.daemon.api.Handler;

/** {@code GET /images/json?all=&filters=}. */
final class ImagesListHandler implements Handler {
  private final ImagesBackend backend;

  ImagesListHandler(ImagesBackend backend) {
    this.backend = backend;
  }

  @Override
  public void handle(ApiRequest request, ApiResponse response) {
    var images = backend.list(request.queryBool("all", false), request.filters());
    response.json(200, images.stream()
        .map(i -> ImageWire.summary(i, backend.references(i.id()), request.version())).toList());
  }
}
