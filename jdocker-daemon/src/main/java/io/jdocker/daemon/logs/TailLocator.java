package io.jdocker.daemon.logs;

import java.io.IOException;
import java.util.List;

/**
 * Finds where the last N lines of a set of log files begin by scanning backwards in blocks from
 * the end of the newest file, so {@code --tail 10} on a huge log reads a few kilobytes. Like
 * Docker, every record counts as a line, whichever stream it belongs to.
 */
final class TailLocator {
  /** Reading starts in {@code files.get(fileIndex)} at byte {@code offset}. */
  record Start(int fileIndex, long offset) {}

  private TailLocator() {}

  /** @param tail lines wanted, or a negative number for all */
  static Start locate(List<OpenLogFile> files, int tail) throws IOException {
    if (tail < 0 || files.isEmpty()) {
      return new Start(0, 0);
    }
    int counted = 0;
    for (int i = files.size() - 1; i >= 0; i--) {
      OpenLogFile file = files.get(i);
      BackwardScan scan = new BackwardScan(file.channel(), file.endAtOpen());
      for (long newline = scan.previousNewline(); newline >= 0; newline = scan.previousNewline()) {
        if (counted == tail) {
          return new Start(i, newline + 1);
        }
        counted++;
      }
      if (counted == tail) {
        return new Start(i, 0);
      }
    }
    return new Start(0, 0);
  }
}
