package io.jdocker.daemon.api.images;

import io.jdocker.daemon.api.ApiRequest;
import io.jdocker.daemon.api.ApiResponse;
import io.jdocker.daemon.api.AuthConfigs;
import io.jdocker.daemon.api.Handler;
import io.jdocker.daemon.api.JsonProgress;
import io.jdocker.daemon.api.LazyJsonStream;
import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.image.ref.ImageReference;
import io.jdocker.image.registry.RegistryAuth;

/**
 * {@code POST /images/{name}/push?tag=}: the name may carry a registry host and port
 * ({@code 127.0.0.1:5000/x}); an empty tag pushes every local tag of the repository. An image
 * missing locally is a plain 404, since the stream starts only with the first message.
 */
final class ImagePushHandler implements Handler {
  private final RegistryBackend registry;

  ImagePushHandler(RegistryBackend registry) {
    this.registry = registry;
  }

  @Override
  public void handle(ApiRequest request, ApiResponse response) throws Exception {
    ImageReference ref = reference(request.pathParam("name"), request.query("tag").orElse(""));
    RegistryAuth auth = AuthConfigs.fromHeader(request);
    LazyJsonStream.respond(response, stream -> registry.push(ref, auth, new JsonProgress(stream)));
  }

  /** dockerd: with a tag, RepoTagReference (the tag replaces one in the name); without, the name as given. */
  static ImageReference reference(String name, String tag) {
    ImageReference ref = ImageReference.parse(name);
    if (tag.isEmpty()) {
      return ref;
    }
    if (ref.isDigested()) {
      throw new InvalidParameterException("cannot import digest reference");
    }
    return ref.withTag(tag);
  }
}
