package io.jdocker.daemon.api.images;

import io.jdocker.daemon.api.ApiRequest;
import io.jdocker.daemon.api.ApiResponse;
import io.jdocker.daemon.api.Handler;
import io.jdocker.daemon.api.JsonStream;
import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.errdefs.UnavailableException;
import java.util.Map;

/**
 * {@code POST /images/create}: import with {@code fromSrc=-} (the body is the rootfs tar). Pull
 * ({@code fromImage}) needs the registry client of a later issue and says so.
 */
final class ImagesCreateHandler implements Handler {
  private final ImagesBackend backend;

  ImagesCreateHandler(ImagesBackend backend) {
    this.backend = backend;
  }

  @Override
  public void handle(ApiRequest request, ApiResponse response) throws Exception {
    if (request.query("fromImage").filter(s -> !s.isEmpty()).isPresent()) {
      throw new UnavailableException("pull is not supported yet: no registry client (image "
          + request.query("fromImage").get() + ")");
    }
    String src = request.query("fromSrc").orElse("");
    if (src.isEmpty()) {
      throw new InvalidParameterException("either fromImage or fromSrc is required");
    }
    if (!src.equals("-")) {
      throw new UnavailableException("import from a URL is not supported yet: use fromSrc=- with the tar as body");
    }
    var id = backend.importImage(request.body(), request.query("repo").orElse(""), request.query("tag").orElse(""),
        request.query("message").orElse(""), request.queryAll("changes"));
    try (JsonStream stream = response.jsonStream(200)) {
      stream.write(Map.of("status", id.toString()));
    }
  }
}
