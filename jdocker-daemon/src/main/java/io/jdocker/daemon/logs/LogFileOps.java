package io.jdocker.daemon.logs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** File operations of the json-file writer that need no writer state. */
final class LogFileOps {
  private LogFileOps() {}

  /** A daemon killed mid-write leaves half a line; cut it so the next record starts a line. */
  static void dropTornTail(Path path) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (NoSuchFileException e) {
      return;
    }
    try (channel) {
      long size = channel.size();
      if (size == 0) {
        return;
      }
      ByteBuffer last = ByteBuffer.allocate(1);
      channel.read(last, size - 1);
      if (last.get(0) != '\n') {
        channel.truncate(new BackwardScan(channel, size).previousNewline() + 1);
      }
    }
  }

  /**
   * Makes room for a new active file as moby's {@code rotate} does: {@code .N-1} is dropped,
   * {@code .k} becomes {@code .k+1}, the active file becomes {@code .1}. With one file only, the
   * active file is unlinked rather than truncated, so a follower holding it can still finish it.
   */
  static void shiftRotated(LogFiles files, int maxFile) throws IOException {
    if (maxFile <= 1) {
      Files.deleteIfExists(files.active());
      return;
    }
    Files.deleteIfExists(files.rotated(maxFile - 1));
    for (int i = maxFile - 1; i > 1; i--) {
      moveIfExists(files.rotated(i - 1), files.rotated(i));
    }
    moveIfExists(files.active(), files.rotated(1));
  }

  private static void moveIfExists(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    } catch (NoSuchFileException e) {
      // nothing rotated that far yet
    }
  }
}
