package io.jdocker.daemon.api.images;

import io.jdocker.daemon.api.ApiRequest;
import io.jdocker.daemon.api.ApiResponse;
import io.jdocker.daemon.api.Handler;
import java.io.OutputStream;
import java.util.List;

/** {@code GET /images/get?names=a&names=b} and {@code GET /images/{name}/get}: a tar stream. */
final class ImagesSaveHandler implements Handler {
  private final ImagesBackend backend;

  ImagesSaveHandler(ImagesBackend backend) {
    this.backend = backend;
  }

  @Override
  public void handle(ApiRequest request, ApiResponse response) throws Exception {
    List<String> names = request.path().endsWith("/images/get") ? request.queryAll("names")
        : List.of(request.pathParam("name"));
    ImagesBackend.SaveJob job = backend.prepareSave(names);
    try (OutputStream out = response.stream(200, "application/x-tar")) {
      job.writeTo(out);
    }
  }
}
