package io.jdocker.daemon.archive;

import io.jdocker.image.layer.Decompression;
import io.jdocker.image.layer.LayerUnpacker;
import io.jdocker.image.layer.UnpackOptions;
import io.jdocker.linux.FileSystemCalls;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Extracts a {@code PUT /containers/{id}/archive} tar (plain or compressed, as Docker's {@code
 * Untar} accepts) into a directory already resolved inside the container, with the image layer
 * unpacker's safety ({@link LayerUnpacker}): no entry climbs out with {@code ..}, absolute names
 * stay under the directory, and nothing is written through a symlink, whether the archive made it
 * or the container already had it. Unlike a layer, {@code .wh.*} names are ordinary files, device
 * nodes are refused, and a {@code ./} entry leaves the directory's own metadata alone.
 *
 * <p>Ownership follows moby: the archive's uid/gid are kept unless an owner is given (Docker's
 * {@code copyUIDGID} with a container {@code User}, resolved by the caller).
 */
public final class ArchiveWriter {
  private final FileSystemCalls fs;

  public ArchiveWriter(FileSystemCalls fs) {
    this.fs = Objects.requireNonNull(fs, "fs");
  }

  /**
   * Reads {@code tar} to its end into {@code dir}.
   *
   * @param noOverwriteDirNonDir refuse to replace a directory with a non-directory and vice versa
   * @param owner every entry's owner, or null to keep the archive's
   * @throws io.jdocker.errdefs.InvalidParameterException for a malformed or hostile entry, named
   * @throws io.jdocker.errdefs.ConflictException when {@code noOverwriteDirNonDir} refuses an entry
   */
  public void extract(ScopedPath dir, InputStream tar, boolean noOverwriteDirNonDir, UnpackOptions.Owner owner)
      throws IOException {
    UnpackOptions options = UnpackOptions.forCopy(dir.containerPath(), noOverwriteDirNonDir, owner);
    new LayerUnpacker(fs, options).unpack(Decompression.open(tar), dir.hostPath());
  }
}
