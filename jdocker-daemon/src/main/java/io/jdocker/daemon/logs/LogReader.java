package io.jdocker.daemon.logs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Opens a container's json-file logs (rotated files too, oldest first) for reading. */
public final class LogReader {
  private LogReader() {}

  /**
   * Opens the logs for {@code options}.
   *
   * @param live the container's current writer, or null when it is not running; needed to follow
   *     and to read consistently while the writer rotates
   */
  public static LogCursor open(LogFiles files, JsonFileLogWriter live, LogReadOptions options)
      throws IOException {
    if (live != null && !live.files().equals(files)) {
      throw new IllegalArgumentException("writer is for " + live.files() + ", not " + files);
    }
    List<OpenLogFile> opened = live != null ? live.appender().snapshot() : openAll(files);
    try {
      TailLocator.Start start = TailLocator.locate(opened, options.tail());
      for (int i = 0; i < start.fileIndex(); i++) {
        opened.get(i).channel().close();
      }
      return new LogCursor(
          live == null ? null : live.appender(),
          options,
          opened.subList(start.fileIndex(), opened.size()),
          start.offset());
    } catch (IOException | RuntimeException e) {
      for (OpenLogFile f : opened) {
        f.channel().close();
      }
      throw e;
    }
  }

  private static List<OpenLogFile> openAll(LogFiles files) throws IOException {
    List<OpenLogFile> opened = new ArrayList<>();
    try {
      for (Path p : files.all()) {
        try {
          FileChannel c = FileChannel.open(p, StandardOpenOption.READ);
          opened.add(new OpenLogFile(c, 0, c.size()));
        } catch (NoSuchFileException e) {
          // never written, or removed meanwhile
        }
      }
      return opened;
    } catch (IOException | RuntimeException e) {
      for (OpenLogFile f : opened) {
        f.channel().close();
      }
      throw e;
    }
  }
}
