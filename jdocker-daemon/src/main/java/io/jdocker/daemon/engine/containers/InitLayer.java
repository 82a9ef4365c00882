package io.jdocker.daemon.engine.containers;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What dockerd keeps in a container's init layer, below its read-write layer, and so never
 * commits: the mount points of /etc/hostname, /etc/hosts and /etc/resolv.conf, and the /dev,
 * /proc and /sys directories. Here the runtime creates them in the upper dir itself, so a commit
 * leaves them out, and with them a directory that was copied up only to hold them (/etc).
 */
final class InitLayer {
  /** Bind-mount targets: writes go to the container's own files, never to these. */
  static final List<String> MOUNT_FILES = List.of("etc/hostname", "etc/hosts", "etc/resolv.conf");
  /** Mount points of filesystems the runtime mounts; left out only while empty. */
  static final List<String> MOUNT_DIRS = List.of("dev", "proc", "sys");

  private InitLayer() {}

  /** The names (relative, as {@code LayerPacker} sees them) a commit of {@code upper} leaves out. */
  static Predicate<String> excluded(Path upper) throws IOException {
    Set<String> skipped = new HashSet<>(MOUNT_FILES);
    for (String dir : MOUNT_DIRS) {
      if (isEmptyDirectory(upper.resolve(dir))) {
        skipped.add(dir);
      }
    }
    for (String file : MOUNT_FILES) {
      String parent = file.substring(0, file.lastIndexOf('/'));
      Path dir = upper.resolve(parent);
      if (!skipped.contains(parent) && Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && holdsOnly(dir, parent, skipped)) {
        skipped.add(parent);
      }
    }
    return Set.copyOf(skipped)::contains;
  }

  private static boolean isEmptyDirectory(Path dir) throws IOException {
    return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && holdsOnly(dir, "", Set.of());
  }

  private static boolean holdsOnly(Path dir, String name, Set<String> skipped) throws IOException {
    try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
      for (Path child : children) {
        if (!skipped.contains(name + "/" + child.getFileName())) {
          return false;
        }
      }
    }
    return true;
  }
}
