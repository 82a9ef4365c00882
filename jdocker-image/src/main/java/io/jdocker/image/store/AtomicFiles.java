package io.jdocker.image.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/** Crash-safe file operations: write to a temp path, fsync, rename into place, fsync the parent. */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Replaces {@code target} with {@code content}; readers see the old or the new file, never a part. */
  public static void write(Path target, byte[] content, Path temp) throws IOException {
    try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
      out.write(content);
      out.flush();
      ch.force(true);
    }
    moveIntoPlace(temp, target, true);
  }

  /** Renames a finished temp file or dir to {@code target} and makes the rename durable. */
  public static void moveIntoPlace(Path temp, Path target, boolean replace) throws IOException {
    Files.createDirectories(target.getParent());
    if (replace) {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } else {
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (DirectoryNotEmptyException e) {
        throw new FileAlreadyExistsException(target.toString());
      }
    }
    fsync(target.getParent());
  }

  /** fsync of one file or directory. */
  public static void fsync(Path path) throws IOException {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }

  /** fsync of every regular file and directory below {@code dir}, children before parents. */
  public static void fsyncTree(Path dir) throws IOException {
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (attrs.isRegularFile()) {
          fsync(file);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
        if (exc != null) {
          throw exc;
        }
        fsync(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** Removes a file or a whole tree (no symlink following); absent is fine. */
  public static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      Files.deleteIfExists(path);
      return;
    }
    Files.walkFileTree(path, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
        // Layers may hold dirs without write permission (e.g. mode 0555); root ignores it but others would not.
        d.toFile().setWritable(true, true);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
        if (exc instanceof NoSuchFileException) {
          return FileVisitResult.CONTINUE;
        }
        throw exc;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
        Files.deleteIfExists(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** Deletes quietly: for cleanup paths where the original error matters more. */
  public static void deleteQuietly(Path path) {
    try {
      deleteTree(path);
    } catch (IOException | RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(AtomicFiles.class).warn("could not remove {}: {}", path, e.toString());
    }
  }

  /** Removes everything inside {@code dir}, keeping the dir. */
  public static void emptyDir(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> children = Files.list(dir)) {
      for (Path child : children.toList()) {
        deleteTree(child);
      }
    }
  }
}
