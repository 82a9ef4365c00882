package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.api.containers.FilesystemChange;
import io.jdocker.daemon.container.Container;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * docker diff from the overlay upper dir: an overlay whiteout (char device 0/0) is a deletion,
 * a path that exists in a lower layer is a change, anything else was added.
 */
final class ContainerChanges {
  private ContainerChanges() {}

  static List<FilesystemChange> of(Container c) throws IOException {
    Path upper = c.paths().upperDir();
    List<Path> lowers = c.lowerDirs().stream().map(Path::of).toList();
    List<FilesystemChange> changes = new ArrayList<>();
    if (!Files.isDirectory(upper)) {
      return changes;
    }
    // What Docker keeps in the init layer (mount points, /etc copied up only for them) is no change.
    java.util.function.Predicate<String> initLayer = InitLayer.excluded(upper);
    Files.walkFileTree(upper, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        if (!dir.equals(upper)) {
          add(dir);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        add(file);
        return FileVisitResult.CONTINUE;
      }

      private void add(Path p) {
        String inContainer = "/" + upper.relativize(p);
        int kind = isWhiteout(p) ? FilesystemChange.DELETED
            : inAnyLower(lowers, upper.relativize(p)) ? FilesystemChange.MODIFIED : FilesystemChange.ADDED;
        if (kind == FilesystemChange.DELETED || !initLayer.test(upper.relativize(p).toString())) {
          changes.add(new FilesystemChange(inContainer, kind));
        }
      }
    });
    changes.sort(Comparator.comparing(FilesystemChange::path));
    return changes;
  }

  /**
   * Docker's directory size: lstat sizes of everything but directories (a symlink counts its own
   * size), each inode once so hard links are not counted twice; 0 for a missing directory.
   */
  static long size(Path dir) {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return 0;
    }
    long[] total = {0};
    java.util.Set<Object> seen = new java.util.HashSet<>();
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (!attrs.isDirectory() && attrs.size() > 0 && seen.add(inode(file, attrs))) {
            total[0] += attrs.size();
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE; // removed meanwhile, or unreadable: a size is informational
        }
      });
    } catch (IOException e) {
      // a size is informational: what was counted so far
    }
    return total[0];
  }

  private static Object inode(Path file, BasicFileAttributes attrs) {
    Object key = attrs.fileKey(); // (dev, ino) on Linux
    return key != null ? key : file;
  }

  private static boolean isWhiteout(Path p) {
    try {
      Object mode = Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      Object rdev = Files.getAttribute(p, "unix:rdev", LinkOption.NOFOLLOW_LINKS);
      return ((Integer) mode & 0170000) == 0020000 && ((Long) rdev) == 0L;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static boolean inAnyLower(List<Path> lowers, Path relative) {
    for (Path lower : lowers) {
      if (Files.exists(lower.resolve(relative.toString()), LinkOption.NOFOLLOW_LINKS)) {
        return true;
      }
    }
    return false;
  }
}
