package io.jdocker.daemon;

import io.jdocker.daemon.server.SocketFiles.DaemonAlreadyRunningException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on {@code <data-root>/jdockerd.lock}: two daemons on one data root would
 * corrupt each other's state. The kernel drops the lock when the process dies, so a crash leaves
 * nothing stale.
 */
public final class InstanceLock implements AutoCloseable {
  public static final String FILE_NAME = "jdockerd.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private InstanceLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  public static InstanceLock acquire(Path dataRoot) throws IOException {
    Path file = dataRoot.resolve(FILE_NAME);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new DaemonAlreadyRunningException("another daemon is using the data root " + dataRoot
          + " (" + file + " is locked)");
    }
    return new InstanceLock(channel, lock);
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
