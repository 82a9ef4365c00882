package io.jdocker.image.layer;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;

/**
 * The target directory of one unpack, and the only place that turns an {@link EntryPath} into a
 * host path. Every parent is checked component by component with {@code lstat}: it must be a real
 * directory, never a symlink, so nothing is ever written through a link out of the root. Checked
 * directories are remembered, which keeps this at about one {@code lstat} per new directory.
 *
 * <p>Sound because the target is private to the unpack: only the archive changes it, one entry at
 * a time, and every removal goes through {@link #forget}.
 */
final class LayerRoot {
  private final Path root;
  private final Set<EntryPath> directories = new HashSet<>();

  LayerRoot(Path root) {
    this.root = root;
    directories.add(EntryPath.ROOT);
  }

  Path root() {
    return root;
  }

  /** The host directory that holds {@code path}, creating missing parents (0755) like Docker. */
  Path parentOf(EntryPath path, String entryName) throws IOException {
    return directory(path.parent(), entryName, true);
  }

  /** Checks that {@code dir} is a real directory inside the root, creating it if asked. */
  Path directory(EntryPath dir, String entryName, boolean create) throws IOException {
    Path host = dir.in(root);
    if (directories.contains(dir)) {
      return host;
    }
    EntryPath walked = EntryPath.ROOT;
    for (String part : dir.components()) {
      walked = walked.child(part);
      if (directories.contains(walked)) {
        continue;
      }
      Path component = walked.in(root);
      BasicFileAttributes attrs = attributes(component);
      if (attrs == null && create) {
        try {
          Files.createDirectory(component);
        } catch (FileAlreadyExistsException raced) {
          attrs = attributes(component);
        }
      }
      if (attrs == null && !create) {
        throw TarReader.invalid(entryName, "\"" + walked + "\" does not exist in the layer");
      }
      if (attrs != null && attrs.isSymbolicLink()) {
        throw TarReader.invalid(
            entryName,
            "\"" + walked + "\" is a symlink: writing through it could leave the layer root");
      }
      if (attrs != null && !attrs.isDirectory()) {
        throw TarReader.invalid(entryName, "\"" + walked + "\" is not a directory");
      }
      directories.add(walked);
    }
    return host;
  }

  /** Records a directory this unpack has just made. */
  void remember(EntryPath dir) {
    directories.add(dir);
  }

  /** Drops {@code path} and everything below it from the checked set, before it is removed. */
  void forget(EntryPath path) {
    directories.removeIf(dir -> dir.isWithin(path));
  }

  /** The path's own attributes (a final symlink is not followed), or null if absent. */
  static BasicFileAttributes attributes(Path path) throws IOException {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
