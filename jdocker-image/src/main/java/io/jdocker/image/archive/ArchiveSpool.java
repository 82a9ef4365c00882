package io.jdocker.image.archive;

import io.jdocker.errdefs.InvalidParameterException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Extracts an image archive (docker save output or an OCI layout) into a private temp dir so its
 * files can be read in any order. Only directories, regular files and links that stay inside the
 * archive are accepted; every other entry is refused naming it.
 */
final class ArchiveSpool {
  private ArchiveSpool() {}

  static void extract(InputStream archive, Path root) throws IOException {
    Files.createDirectories(root);
    TarArchiveInputStream tar = new TarArchiveInputStream(archive);
    try {
      TarArchiveEntry entry;
      int count = 0;
      while ((entry = tar.getNextEntry()) != null) {
        count++;
        extractEntry(tar, entry, root);
      }
      if (count == 0) {
        throw new InvalidParameterException("invalid image archive: empty or not a tar file");
      }
    } catch (InvalidParameterException e) {
      throw e;
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidParameterException("invalid image archive: " + e.getMessage(), e);
    }
  }

  private static void extractEntry(TarArchiveInputStream tar, TarArchiveEntry entry, Path root) throws IOException {
    String name = entry.getName();
    Path target = ArchivePaths.inside(root, name, "tar entry");
    if (target.equals(root)) {
      return;
    }
    if (entry.isDirectory()) {
      Files.createDirectories(target);
      return;
    }
    ensureParent(root, target, name);
    Files.deleteIfExists(target);
    if (entry.isSymbolicLink()) {
      String link = entry.getLinkName();
      Path resolved = target.getParent().resolve(link).normalize();
      if (Path.of(link).isAbsolute() || !resolved.startsWith(root)) {
        throw new InvalidParameterException(
            "invalid image archive: symlink " + name + " -> " + link + " points outside the archive");
      }
      Files.createSymbolicLink(target, Path.of(link));
    } else if (entry.isLink()) {
      Path source = ArchivePaths.inside(root, entry.getLinkName(), "hardlink target of " + name);
      if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
        throw new InvalidParameterException("invalid image archive: hardlink " + name + " names a missing file");
      }
      Files.createLink(target, source);
    } else if (entry.isFile()) {
      try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        long copied = tar.transferTo(out);
        if (copied != entry.getSize()) {
          throw new InvalidParameterException("invalid image archive: " + name + " is truncated");
        }
      }
    } else {
      throw new InvalidParameterException("invalid image archive: unsupported entry type of " + name);
    }
  }

  /** The parent must be a real directory under root: a symlinked parent could redirect the write. */
  private static void ensureParent(Path root, Path target, String name) throws IOException {
    Path parent = target.getParent();
    Path walked = root;
    for (Path part : root.relativize(parent)) {
      walked = walked.resolve(part);
      if (Files.isSymbolicLink(walked)) {
        throw new InvalidParameterException("invalid image archive: " + name + " is below a symlink");
      }
      if (!Files.exists(walked, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectory(walked);
      } else if (!Files.isDirectory(walked, LinkOption.NOFOLLOW_LINKS)) {
        throw new InvalidParameterException("invalid image archive: " + name + " is below a non-directory");
      }
    }
  }
}
