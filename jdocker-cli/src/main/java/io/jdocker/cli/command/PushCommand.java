package io.jdocker.cli.command;

import io.jdocker.cli.CliException;
import io.jdocker.cli.client.ApiVersion;
import io.jdocker.cli.client.HttpRequest;
import io.jdocker.cli.client.Query;
import io.jdocker.cli.json.JsonWriter;
import io.jdocker.cli.model.ImageReference;
import io.jdocker.cli.model.Platform;
import java.io.IOException;

/**
 * {@code push}, {@code image push}: {@code POST /images/<full name>/push?tag=…}, the name unescaped
 * in the path as the docker CLI sends it, the registry's stored credentials in X-Registry-Auth.
 */
public final class PushCommand extends ApiCommand {
  private final Flag<Boolean> allTags = bool("-a,--all-tags", "Push all tags of an image to the repository");
  /** Accepted for docker's scripts; content trust (image signing) is not supported. */
  private final Flag<Boolean> disableContentTrust = bool("--disable-content-trust", "Skip image signing (default true)", true);
  /** Hidden: the docker CLI shows it only for daemons with API 1.46 or later, and jdockerd speaks 1.44. */
  private final Flag<String> platform = hiddenString("--platform", "string",
      "Push a platform-specific manifest as a%nsingle-platform image to the registry.%nImage index won't be pushed, meaning that%n"
          + "other manifests, including attestations%nwon't be preserved.%n'os[/arch[/variant]]': Explicit platform%n(eg. linux/amd64)");
  private final Flag<Boolean> quiet = bool("-q,--quiet", "Suppress verbose output");

  public PushCommand() {
    super("[OPTIONS] NAME[:TAG]", "Upload an image to a registry");
  }

  @Override
  public Integer call() throws IOException {
    String name = exactly(1).getFirst();
    Query query = Query.of();
    if (platform.value() != null && !platform.value().isEmpty()) {
      query.put("platform", JsonWriter.compact(platform(platform.value()).toJson()));
    }
    ImageReference ref = ImagePull.withTagDefault(this, ImageReference.parse(name), allTags.value(), quiet.value());
    if (ref.digest() != null) {
      throw new CliException("cannot push a digest reference");
    }
    if (!allTags.value()) {
      query.put("tag", ref.tag());
    }
    String auth = ImagePull.auth(this, ref);
    HttpRequest request = HttpRequest.of("POST", "/images/" + ref.fullName() + "/push").withHeader("X-Registry-Auth", auth);
    JsonMessages.Output output = quiet.value() ? JsonMessages.Output.discard() : JsonMessages.Output.stdout(env());
    JsonMessages.display(client().call(request, query), output);
    if (quiet.value()) {
      out().println(ref.normalizedString());
    }
    return 0;
  }

  /** The daemon takes a platform from API 1.46 on; the docker CLI checks that first, then the value, then notes what it means. */
  private Platform platform(String specifier) {
    String version = client().version();
    if (ApiVersion.lessThan(version, "1.46")) {
      throw new CliException("\"--platform\" requires API version 1.46, but the Docker daemon API version is " + version);
    }
    Platform parsed;
    try {
      parsed = Platform.parse(specifier);
    } catch (IllegalArgumentException e) {
      err().print("Invalid platform " + specifier);
      throw new CliException(e.getMessage());
    }
    out().print("\n Info -> Using --platform pushes only the specified platform manifest of a multi-platform image index.\n"
        + "         Other components, like attestations, will not be included.\n"
        + "         To push the complete multi-platform image, remove the --platform flag.\n         \n");
    return parsed;
  }
}
