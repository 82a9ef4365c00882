package io.jdocker.linux.cgroup;

import io.jdocker.linux.errno.SyscallException;
import io.jdocker.linux.signal.Signaller;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Reading and writing cgroupfs control files, shared by both versions. */
final class CgroupFiles {
  private static final int SIGKILL = 9;
  private static final int REMOVE_ATTEMPTS = 200;
  private static final long REMOVE_PAUSE_MS = 10;

  private CgroupFiles() {}

  static void write(Path file, String value) throws IOException {
    try {
      Files.writeString(file, value);
    } catch (IOException e) {
      throw new IOException("cannot write \"" + value + "\" to " + file + ": " + reason(e), e);
    }
  }

  static String read(Path file) throws IOException {
    return Files.readString(file).trim();
  }

  static String readOrEmpty(Path file) throws IOException {
    try {
      return read(file);
    } catch (NoSuchFileException e) {
      return "";
    }
  }

  static List<Integer> pids(Path dir) throws IOException {
    List<Integer> pids = new ArrayList<>();
    for (String line : readOrEmpty(dir.resolve("cgroup.procs")).split("\n")) {
      if (!line.isBlank()) {
        pids.add(Integer.parseInt(line.trim()));
      }
    }
    return pids;
  }

  /** The value of {@code key} in a flat-keyed file such as memory.events or memory.oom_control. */
  static OptionalLong keyedValue(Path file, String key) throws IOException {
    for (String line : readOrEmpty(file).split("\n")) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length == 2 && parts[0].equals(key)) {
        return OptionalLong.of(Long.parseLong(parts[1]));
      }
    }
    return OptionalLong.empty();
  }

  static void killAll(Path dir, Signaller signaller) throws IOException {
    for (int pid : pids(dir)) {
      try {
        signaller.kill(pid, SIGKILL);
      } catch (SyscallException e) {
        // Exited since the list was read.
      }
    }
  }

  /**
   * Removes a cgroup dir, killing stragglers until it is empty. Killed tasks leave the cgroup
   * asynchronously, so rmdir can see EBUSY for a moment; retry for up to two seconds.
   */
  static void remove(Path dir, Signaller signaller) throws IOException {
    for (int attempt = 1; ; attempt++) {
      if (!Files.exists(dir)) {
        return;
      }
      killAll(dir, signaller);
      try {
        Files.delete(dir);
        return;
      } catch (NoSuchFileException e) {
        return;
      } catch (FileSystemException e) {
        if (attempt >= REMOVE_ATTEMPTS) {
          throw new IOException("cannot remove cgroup " + dir + ": " + reason(e), e);
        }
      }
      try {
        Thread.sleep(REMOVE_PAUSE_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while removing cgroup " + dir, e);
      }
    }
  }

  static String reason(IOException e) {
    return e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : e.getMessage();
  }

  /** Rejects group names that would leave the cgroup root. */
  static String checkGroup(String group) {
    Path p = Path.of(group);
    if (group.isEmpty() || p.isAbsolute() || group.contains("..") || !p.normalize().toString().equals(group)) {
      throw new IllegalArgumentException("invalid cgroup name: " + group);
    }
    return group;
  }
}
