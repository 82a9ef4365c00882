package io.jdocker.image.layer;

/**
 * Choices for {@link LayerUnpacker}. {@link #DEFAULT} unpacks an image layer; {@link #forCopy}
 * extracts a {@code docker cp} archive into a directory that already has content.
 *
 * @param allowDevices whether character and block device entries may be created (Docker allows
 *     them in layers; refuse them for archives from less trusted places, e.g. {@code docker cp})
 * @param whiteouts whether {@code .wh.*} names are deletions (layers) or ordinary files (copies,
 *     as Docker's {@code Untar} treats them)
 * @param rootEntryMetadata whether an entry naming the target itself ({@code ./}) sets the target's
 *     mode, owner and times (layers); Docker skips such an entry when copying
 * @param noOverwriteDirNonDir refuse to replace an existing directory with a non-directory and
 *     vice versa, with Docker's error, instead of replacing it
 * @param owner every entry gets this owner instead of the archive's (Docker's {@code ChownOpts});
 *     null keeps the archive's
 * @param targetName how messages name the target directory (a container path), "" for none
 */
public record UnpackOptions(
    boolean allowDevices,
    boolean whiteouts,
    boolean rootEntryMetadata,
    boolean noOverwriteDirNonDir,
    Owner owner,
    String targetName) {

  public static final UnpackOptions DEFAULT = new UnpackOptions(true);

  /** A numeric owner for {@link #owner}. */
  public record Owner(int uid, int gid) {}

  public UnpackOptions {
    targetName = targetName == null ? "" : targetName;
  }

  public UnpackOptions(boolean allowDevices) {
    this(allowDevices, true, true, false, null, "");
  }

  /** Options for extracting a {@code docker cp} archive into the container directory {@code targetName}. */
  public static UnpackOptions forCopy(String targetName, boolean noOverwriteDirNonDir, Owner owner) {
    return new UnpackOptions(false, false, false, noOverwriteDirNonDir, owner, targetName);
  }
}
