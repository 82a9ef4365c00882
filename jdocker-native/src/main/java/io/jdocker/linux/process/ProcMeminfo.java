package io.jdocker.linux.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The host's memory size from /proc/meminfo: docker stats' limit for a container without one. */
public final class ProcMeminfo {
  private ProcMeminfo() {}

  /** MemTotal in bytes, or 0 when the file has none. */
  public static long totalBytes(Path procRoot) throws IOException {
    return parseTotal(Files.readString(procRoot.resolve("meminfo")));
  }

  static long parseTotal(String meminfo) {
    for (String line : meminfo.split("\n")) {
      if (line.startsWith("MemTotal:")) {
        String[] parts = line.substring("MemTotal:".length()).trim().split("\\s+");
        return Long.parseLong(parts[0]) * 1024; // the kernel writes kB
      }
    }
    return 0;
  }
}
