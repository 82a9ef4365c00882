package io.jdocker.image.archive;

import io.jdocker.errdefs.InvalidParameterException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Turns names found in an archive (tar entries, manifest paths) into paths that stay inside it. */
final class ArchivePaths {
  private ArchivePaths() {}

  /** Lexical check: no absolute names, no escaping "..". */
  static Path inside(Path root, String name, String what) {
    Path target;
    try {
      if (name.isEmpty() || name.startsWith("/") || name.indexOf('\0') >= 0) {
        throw new InvalidPathException(name, "absolute or empty");
      }
      target = root.resolve(name).normalize();
    } catch (InvalidPathException e) {
      throw new InvalidParameterException("invalid image archive: " + what + " \"" + name + "\" is not a relative path");
    }
    if (!target.startsWith(root)) {
      throw new InvalidParameterException("invalid image archive: " + what + " \"" + name + "\" points outside the archive");
    }
    return target;
  }

  /** A file named by the archive's metadata: inside, also after following symlinks, and present. */
  static Path existingFile(Path root, String name, String what) throws IOException {
    Path target = inside(root, name, what);
    if (!Files.exists(target)) {
      throw new InvalidParameterException("invalid image archive: " + what + " \"" + name + "\" is not in the archive");
    }
    Path real = target.toRealPath();
    if (!real.startsWith(root.toRealPath())) {
      throw new InvalidParameterException("invalid image archive: " + what + " \"" + name + "\" points outside the archive");
    }
    if (!Files.isRegularFile(real)) {
      throw new InvalidParameterException("invalid image archive: " + what + " \"" + name + "\" is not a regular file");
    }
    return real;
  }

  /** Reads a small metadata file, refusing absurd sizes. */
  static byte[] readSmall(Path root, String name, String what) throws IOException {
    Path file = existingFile(root, name, what);
    if (Files.size(file) > 32L << 20) {
      throw new InvalidParameterException("invalid image archive: " + what + " \"" + name + "\" is too large");
    }
    return Files.readAllBytes(file);
  }
}
