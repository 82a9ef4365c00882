package io.jdocker.daemon.engine.containers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fake /proc/PID/stat files for ProcessIdentity. */
final class ProcStatFiles {
  private ProcStatFiles() {}

  static void write(Path procRoot, long pid, long startTime) throws IOException {
    StringBuilder stat = new StringBuilder(pid + " (sh) S");
    for (int field = 4; field <= 21; field++) {
      stat.append(" 0");
    }
    stat.append(' ').append(startTime).append(" 0 0\n");
    Files.createDirectories(procRoot.resolve(Long.toString(pid)));
    Files.writeString(procRoot.resolve(Long.toString(pid)).resolve("stat"), stat.toString());
  }
}
