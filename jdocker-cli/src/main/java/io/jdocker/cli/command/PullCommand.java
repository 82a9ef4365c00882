package io.jdocker.cli.command;

import io.jdocker.cli.model.ImageReference;
import java.io.IOException;

/** {@code pull}, {@code image pull}: the pull stream rendered as docker does, then the full reference. */
public final class PullCommand extends ApiCommand {
  private final Flag<Boolean> allTags = bool("-a,--all-tags", "Download all tagged images in the repository");
  /** Accepted for docker's scripts; content trust (notary) is not supported, so every pull is docker's default untrusted one. */
  private final Flag<Boolean> disableContentTrust = bool("--disable-content-trust", "Skip image verification (default true)", true);
  private final Flag<String> platform = string("--platform", "string", "Set platform if server is multi-platform%ncapable");
  private final Flag<Boolean> quiet = bool("-q,--quiet", "Suppress verbose output");

  public PullCommand() {
    super("[OPTIONS] NAME[:TAG|@DIGEST]", "Download an image from a registry");
  }

  @Override
  public Integer call() throws IOException {
    ImageReference ref = ImagePull.withTagDefault(this, ImageReference.parse(exactly(1).getFirst()), allTags.value(), quiet.value());
    JsonMessages.Output output = quiet.value() ? JsonMessages.Output.discard() : JsonMessages.Output.stdout(env());
    JsonMessages.display(ImagePull.start(this, ref, allTags.value(), platform.value()), output);
    out().println(ref.normalizedString());
    return 0;
  }
}
