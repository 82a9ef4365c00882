package io.jdocker.daemon.api.images;

import io.jdocker.daemon.api.ApiRequest;
import io.jdocker.daemon.api.ApiResponse;
import io.jdocker.daemon.api.Handler;

/** {@code DELETE /images/{name}?force=&noprune=}. */
final class ImageDeleteHandler implements Handler {
  private final ImagesBackend backend;

  ImageDeleteHandler(ImagesBackend backend) {
    this.backend = backend;
  }

  @Override
  public void handle(ApiRequest request, ApiResponse response) throws Exception {
    var items = backend.remove(request.pathParam("name"), request.queryBool("force", false),
        request.queryBool("noprune", false));
    response.json(200, items.stream().map(i -> new DeleteResponseItem(i.untagged(), i.deleted())).toList());
  }
}
