package io.jdocker.daemon.api.images;

import io.jdocker.daemon.api.ApiRequest;
import io.jdocker.daemon.api.ApiResponse;
import io.jdocker.daemon.api.ApiVersion;
import io.jdocker.daemon.api.AuthConfigs;
import io.jdocker.daemon.api.Handler;
import io.jdocker.daemon.api.JsonProgress;
import io.jdocker.daemon.api.JsonStream;
import io.jdocker.daemon.api.LazyJsonStream;
import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.errdefs.UnavailableException;
import io.jdocker.image.oci.Platform;
import io.jdocker.image.ref.ImageReference;
import io.jdocker.image.registry.RegistryAuth;
import java.util.Map;

/**
 * {@code POST /images/create}: pull ({@code fromImage}, with {@code X-Registry-Auth}) or import
 * ({@code fromSrc=-}, the body is the rootfs tar). The pull's progress stream starts with its
 * first message, so an unknown image or refused login is still a plain 404 / 401.
 */
final class ImagesCreateHandler implements Handler {
  private static final ApiVersion PLATFORM_SINCE = new ApiVersion(1, 32);

  private final ImagesBackend images;
  private final RegistryBackend registry;

  ImagesCreateHandler(ImagesBackend images, RegistryBackend registry) {
    this.images = images;
    this.registry = registry;
  }

  @Override
  public void handle(ApiRequest request, ApiResponse response) throws Exception {
    Platform platform = request.version().atLeast(PLATFORM_SINCE)
        ? PlatformParam.parse(request.query("platform").orElse(""))
        : null;
    String fromImage = request.query("fromImage").orElse("");
    if (!fromImage.isEmpty()) {
      ImageReference ref = PullReference.of(fromImage, request.query("tag").orElse(""));
      RegistryAuth auth = AuthConfigs.fromHeader(request);
      LazyJsonStream.respond(response, stream -> registry.pull(ref, auth, platform, new JsonProgress(stream)));
      return;
    }
    String src = request.query("fromSrc").orElse("");
    if (src.isEmpty()) {
      throw new InvalidParameterException("either fromImage or fromSrc is required");
    }
    if (!src.equals("-")) {
      throw new UnavailableException("import from a URL is not supported yet: use fromSrc=- with the tar as body");
    }
    var id = images.importImage(request.body(), request.query("repo").orElse(""), request.query("tag").orElse(""),
        request.query("message").orElse(""), request.queryAll("changes"));
    try (JsonStream stream = response.jsonStream(200)) {
      stream.write(Map.of("status", id.toString()));
    }
  }
}
