package io.jdocker.cli.command;

import io.jdocker.cli.client.HttpRequest;
import io.jdocker.cli.client.HttpResponse;
import io.jdocker.cli.client.Query;
import io.jdocker.cli.config.Registries;
import io.jdocker.cli.model.ImageReference;
import java.util.Locale;

/**
 * {@code POST /images/create?fromImage=…&tag=…}, the request behind {@code pull} and run's
 * auto-pull: the fully qualified name, the tag or digest (none for all tags), the platform in lower
 * case, and the stored credentials of the image's registry in {@code X-Registry-Auth}.
 */
final class ImagePull {
  private ImagePull() {}

  static HttpResponse start(ApiCommand command, ImageReference ref, boolean allTags, String platform) {
    Query query = Query.of().put("fromImage", ref.fullName());
    if (!allTags) {
      query.put("tag", ref.digest() != null ? ref.digest() : ref.tagOrLatest());
    }
    if (platform != null && !platform.isEmpty()) {
      query.put("platform", platform.toLowerCase(Locale.ROOT));
    }
    HttpRequest request = HttpRequest.of("POST", "/images/create").withHeader("X-Registry-Auth", auth(command, ref));
    return command.client().call(request, query);
  }

  /**
   * The reference pull and push act on, as the docker CLI: a tag with -a is an error; a bare name
   * without -a means {@code :latest}, announced unless quiet.
   */
  static ImageReference withTagDefault(ApiCommand command, ImageReference ref, boolean allTags, boolean quiet) {
    if (allTags && !ref.nameOnly()) {
      throw new io.jdocker.cli.CliException("tag can't be used with --all-tags/-a");
    }
    if (allTags || !ref.nameOnly()) {
      return ref;
    }
    if (!quiet) {
      command.out().println("Using default tag: latest");
    }
    return ref.withDefaultTag();
  }

  /** The header value for {@code ref}'s registry; {@code e30=} ("{}") when nothing is stored. */
  static String auth(ApiCommand command, ImageReference ref) {
    return command.dockerConfig().auth(Registries.keyFor(ref)).encode();
  }
}
