package io.jdocker.daemon.container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Recognises a container's init process after a daemon restart: a PID alone may have been reused,
 * so the process start time (clock ticks since boot, field 22 of {@code /proc/PID/stat}) is
 * stored with it and compared, as runc does. The proc root is injectable for tests.
 */
public final class ProcessIdentity {
  private final Path procRoot;

  public ProcessIdentity() {
    this(Path.of("/proc"));
  }

  public ProcessIdentity(Path procRoot) {
    this.procRoot = procRoot;
  }

  /** The start time of {@code pid}, or empty when there is no such process (or it is a zombie). */
  public OptionalLong startTime(long pid) {
    if (pid <= 0) {
      return OptionalLong.empty();
    }
    String stat;
    try {
      stat = Files.readString(procRoot.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return OptionalLong.empty();
    }
    return parseStartTime(stat);
  }

  /** True when {@code pid} is alive and started at {@code startTime}: the same process as recorded. */
  public boolean isSameProcess(long pid, long startTime) {
    OptionalLong actual = startTime(pid);
    return actual.isPresent() && actual.getAsLong() == startTime;
  }

  /**
   * Field 22 of a stat line. The command name (field 2) is in parentheses and may itself hold
   * spaces and ")", so fields are counted from the last ")". A zombie (state Z) or dead (X)
   * process is not alive.
   */
  static OptionalLong parseStartTime(String stat) {
    int close = stat.lastIndexOf(')');
    if (close < 0) {
      return OptionalLong.empty();
    }
    String[] rest = stat.substring(close + 1).trim().split("\\s+");
    // rest[0] is field 3 (state), so field 22 is rest[19].
    if (rest.length < 20) {
      return OptionalLong.empty();
    }
    if (rest[0].equals("Z") || rest[0].equals("X")) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(rest[19]));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
