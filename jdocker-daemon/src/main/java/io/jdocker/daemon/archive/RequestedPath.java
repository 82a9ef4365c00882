package io.jdocker.daemon.archive;

import io.jdocker.errdefs.InvalidParameterException;

/**
 * A container path as the client sent it in {@code ?path=}, made absolute and cleaned the way
 * Docker does, but keeping a trailing {@code /} ("must be a directory") or {@code /.} ("the
 * directory's contents, not the directory").
 *
 * @param raw the path as given, for error messages ({@code Could not find the file RAW ...})
 * @param absolute cleaned absolute form with the trailing separator or dot preserved
 */
public record RequestedPath(String raw, String absolute) {

  /** @throws InvalidParameterException for an empty path, as Docker's "bad parameter" */
  public static RequestedPath of(String raw) {
    if (raw == null || raw.isEmpty()) {
      throw new InvalidParameterException("bad parameter: path cannot be empty");
    }
    return new RequestedPath(
        raw, GoPaths.preserveTrailingDotOrSeparator(GoPaths.cleanAbsolute(raw), raw));
  }

  /** The directory part, resolved in scope before the last element is looked at. */
  public String directory() {
    return GoPaths.dir(absolute);
  }

  /** The last element as written: "" after a trailing slash, "." after {@code /.}. */
  public String lastElement() {
    return GoPaths.file(absolute);
  }

  /** Whether the client asked for a directory: a trailing {@code /}, a {@code /.}, or the root. */
  public boolean assertsDirectory() {
    return lastElement().isEmpty() || lastElement().equals(".");
  }

  /**
   * The name Docker reports in the stat header and gives the archive's top entry ({@code
   * filepath.Base}): {@code tmp} for {@code /tmp/}, {@code .} for {@code /tmp/.}, {@code /} for the root.
   */
  public String name() {
    return GoPaths.base(absolute);
  }
}
