package io.jdocker.daemon.api.images;

import io.jdocker.daemon.api.ApiRequest;
import io.jdocker.daemon.api.ApiResponse;
import io.jdocker.daemon.api.Handler;

/** {@code POST /images/{name}/tag?repo=&tag=} → 201. */
final class ImageTagHandler implements Handler {
  private final ImagesBackend backend;

  ImageTagHandler(ImagesBackend backend) {
    this.backend = backend;
  }

  @Override
  public void handle(ApiRequest request, ApiResponse response) throws Exception {
    backend.tag(request.pathParam("name"), request.query("repo").orElse(""), request.query("tag").orElse(""));
    response.empty(201);
  }
}
