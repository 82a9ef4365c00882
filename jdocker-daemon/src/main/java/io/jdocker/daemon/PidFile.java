package io.jdocker.daemon;

import io.jdocker.daemon.server.SocketFiles.DaemonAlreadyRunningException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The pidfile, as dockerd keeps it: refused when it names a live jdockerd, otherwise replaced,
 * removed at shutdown.
 */
public final class PidFile implements AutoCloseable {
  private final Path path;

  private PidFile(Path path) {
    this.path = path;
  }

  public static PidFile write(Path path) throws IOException {
    long self = ProcessHandle.current().pid();
    try {
      long pid = Long.parseLong(Files.readString(path).trim());
      if (pid != self && isDaemon(pid)) {
        throw new DaemonAlreadyRunningException("pid file found, ensure jdockerd is not running or delete "
            + path + " (process " + pid + " is alive)");
      }
    } catch (NoSuchFileException | NumberFormatException absentOrGarbage) {
      // nothing to protect
    }
    Files.createDirectories(path.toAbsolutePath().getParent());
    Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
    Files.writeString(tmp, self + "\n", StandardCharsets.US_ASCII);
    Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return new PidFile(path);
  }

  /** A reused PID of an unrelated process must not block start-up: check its command line. */
  private static boolean isDaemon(long pid) {
    try {
      String cmdline = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"));
      return cmdline.contains("io.jdocker.daemon.Main") || cmdline.contains("jdockerd");
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() throws IOException {
    Files.deleteIfExists(path);
  }
}
