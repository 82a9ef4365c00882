package io.jdocker.daemon.api.images;

import io.jdocker.daemon.api.ApiRequest;
import io.jdocker.daemon.api.ApiResponse;
import io.jdocker.daemon.api.Handler;
import io.jdocker.daemon.api.JsonStream;
import java.util.Map;

/**
 * {@code POST /images/load}: the archive is verified and stored before the response starts, so a
 * bad archive gets a plain 400; then one {@code {"stream":...}} message per loaded tag.
 */
final class ImagesLoadHandler implements Handler {
  private final ImagesBackend backend;

  ImagesLoadHandler(ImagesBackend backend) {
    this.backend = backend;
  }

  @Override
  public void handle(ApiRequest request, ApiResponse response) throws Exception {
    var messages = backend.load(request.body());
    try (JsonStream stream = response.jsonStream(200)) {
      for (String line : messages) {
        stream.write(Map.of("stream", line));
      }
    }
  }
}
