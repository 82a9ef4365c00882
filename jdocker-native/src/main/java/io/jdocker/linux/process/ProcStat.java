package io.jdocker.linux.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Reads /proc/PID/stat: the start time tells a live process from a later one reusing its PID. */
public final class ProcStat {
  private static final int START_TIME_FIELD = 22;

  private ProcStat() {}

  /** Start time in clock ticks since boot (field 22), or empty if the process is gone. */
  public static OptionalLong startTime(Path procRoot, int pid) throws IOException {
    try {
      return OptionalLong.of(parseStartTime(Files.readString(procRoot.resolve(pid + "/stat"))));
    } catch (NoSuchFileException e) {
      return OptionalLong.empty();
    }
  }

  public static OptionalLong startTime(int pid) throws IOException {
    return startTime(Path.of("/proc"), pid);
  }

  /** True iff process {@code pid} exists and started at {@code startTime}. */
  public static boolean isSameProcess(int pid, long startTime) throws IOException {
    OptionalLong now = startTime(pid);
    return now.isPresent() && now.getAsLong() == startTime;
  }

  // The command name (field 2) is in parentheses and may itself hold spaces and ')'.
  static long parseStartTime(String stat) {
    int close = stat.lastIndexOf(')');
    if (close < 0) {
      throw new IllegalArgumentException("malformed /proc stat: " + stat);
    }
    String[] rest = stat.substring(close + 1).trim().split(" ");
    int index = START_TIME_FIELD - 3;
    if (rest.length <= index) {
      throw new IllegalArgumentException("malformed /proc stat: " + stat);
    }
    return Long.parseLong(rest[index]);
  }
}
