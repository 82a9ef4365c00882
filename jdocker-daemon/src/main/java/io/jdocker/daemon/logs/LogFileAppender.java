package io.jdocker.daemon.logs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of a container's json-file logs. Every record is written with one {@code
 * write} under {@link #lock}, and {@link #size} only counts whole records, so a reader that holds
 * the lock (or stops at a byte count it read under the lock) never sees half a line. Rotation
 * happens under the same lock and bumps {@link #generation}, which is how followers notice it.
 */
final class LogFileAppender {
  private static final Logger LOG = LoggerFactory.getLogger(LogFileAppender.class);
  private static final FileAttribute<?> MODE_0640 =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----"));
  private static final Set<StandardOpenOption> APPEND =
      Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);

  enum Change { DATA, ROTATED, CLOSED, STOPPED }

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final LogFiles files;
  private final LogConfig config;
  private final InstantSource clock;
  private final List<LogSubscriber> subscribers = new ArrayList<>();
  private FileChannel channel;
  private long size;
  private long generation;
  private boolean closed;
  private boolean failing;

  private LogFileAppender(LogFiles files, LogConfig config, InstantSource clock, FileChannel channel, long size) {
    this.files = files;
    this.config = config;
    this.clock = clock;
    this.channel = channel;
    this.size = size;
  }

  static LogFileAppender open(LogFiles files, LogConfig config, InstantSource clock) throws IOException {
    LogFileOps.dropTornTail(files.active());
    FileChannel channel = openActive(files.active());
    try {
      return new LogFileAppender(files, config, clock, channel, channel.size());
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static FileChannel openActive(Path path) throws IOException {
    return FileChannel.open(path, APPEND, MODE_0640);
  }

  /**
   * Completes {@code line} (built by {@link JsonLogEncoder#appendHead}) with the current time and
   * appends it; {@code raw} is the message for live subscribers.
   */
  void append(StdStream stream, ByteBuilder line, byte[] raw, int off, int len) {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      Instant now = clock.instant();
      JsonLogEncoder.appendTail(line, now);
      rotateIfFull();
      if (!write(line)) {
        return;
      }
      if (!subscribers.isEmpty()) {
        publish(new LogMessage(stream, now, Arrays.copyOfRange(raw, off, off + len)));
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private boolean write(ByteBuilder line) {
    ByteBuffer buffer = line.asByteBuffer();
    try {
      if (channel == null) {
        channel = openActive(files.active());
        size = channel.size();
      }
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      size += line.length();
      failing = false;
      return true;
    } catch (IOException e) {
      if (!failing) {
        LOG.error("cannot write container log {}: {}", files.active(), e.toString());
        failing = true;
      }
      truncateTo(size);
      return false;
    }
  }

  private void truncateTo(long length) {
    try {
      if (channel != null) {
        channel.truncate(length);
      }
    } catch (IOException e) {
      LOG.debug("cannot cut a failed write from {}", files.active(), e);
    }
  }

  private void rotateIfFull() {
    if (config.maxSize() < 0 || size < config.maxSize()) {
      return;
    }
    try {
      channel.close();
      LogFileOps.shiftRotated(files, config.maxFile());
    } catch (IOException e) {
      LOG.error("cannot rotate container log {}: {}", files.active(), e.toString());
    }
    try {
      channel = openActive(files.active());
      size = channel.size();
    } catch (IOException e) {
      LOG.error("cannot reopen container log {}: {}", files.active(), e.toString());
      channel = null;
      size = 0;
    }
    generation++;
  }

  private void publish(LogMessage message) {
    for (LogSubscriber s : List.copyOf(subscribers)) {
      try {
        s.onMessage(message);
      } catch (RuntimeException e) {
        LOG.warn("log subscriber failed; unsubscribing it", e);
        subscribers.remove(s);
      }
    }
  }

  LogSubscription subscribe(LogSubscriber subscriber) {
    lock.lock();
    try {
      if (closed) {
        subscriber.onClose();
        return () -> {};
      }
      subscribers.add(subscriber);
    } finally {
      lock.unlock();
    }
    return () -> {
      lock.lock();
      try {
        subscribers.remove(subscriber);
      } finally {
        lock.unlock();
      }
    };
  }

  /** Opens every log file, oldest first, at one consistent point between two records. */
  List<OpenLogFile> snapshot() throws IOException {
    lock.lock();
    try {
      List<OpenLogFile> opened = new ArrayList<>();
      try {
        List<Path> rotated = files.existingRotatedOldestFirst();
        for (int k = rotated.size(); k >= 1; k--) {
          FileChannel c = FileChannel.open(files.rotated(k), StandardOpenOption.READ);
          opened.add(new OpenLogFile(c, generation - k, c.size()));
        }
        if (channel != null) {
          opened.add(new OpenLogFile(FileChannel.open(files.active(), StandardOpenOption.READ), generation, size));
        }
        return opened;
      } catch (IOException | RuntimeException e) {
        for (OpenLogFile f : opened) {
          f.channel().close();
        }
        throw e;
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * The file that follows generation {@code previous}: its successor if it still exists, else the
   * oldest one that does (a follower too slow for the rotation loses what was deleted), or null
   * when the writer can no longer open its file.
   */
  OpenLogFile openAfter(long previous) throws IOException {
    lock.lock();
    try {
      long back = Math.min(generation - (previous + 1), config.maxFile() - 1L);
      for (long k = back; k >= 1; k--) {
        Path p = files.rotated((int) k);
        if (Files.exists(p)) {
          FileChannel c = FileChannel.open(p, StandardOpenOption.READ);
          return new OpenLogFile(c, generation - k, c.size());
        }
      }
      if (channel == null) {
        return null;
      }
      return new OpenLogFile(FileChannel.open(files.active(), StandardOpenOption.READ), generation, size);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until generation {@code gen} has more than {@code position} bytes, has been rotated
   * away, or the writer closed; {@link Change#STOPPED} when {@code stop} says so (re-checked on
   * {@link #wake}) or {@code deadline} passes.
   */
  Change awaitChange(long gen, long position, BooleanSupplier stop, Instant deadline)
      throws InterruptedException {
    lock.lock();
    try {
      while (true) {
        if (generation != gen) {
          return Change.ROTATED;
        }
        if (size > position) {
          return Change.DATA;
        }
        if (closed) {
          return Change.CLOSED;
        }
        if (stop.getAsBoolean()) {
          return Change.STOPPED;
        }
        if (deadline == null) {
          changed.await();
        } else {
          long nanos = Duration.between(clock.instant(), deadline).toNanos();
          if (nanos <= 0) {
            return Change.STOPPED;
          }
          changed.awaitNanos(nanos);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Makes waiting followers re-check their stop condition. */
  void wake() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  void close() throws IOException {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      for (LogSubscriber s : subscribers) {
        try {
          s.onClose();
        } catch (RuntimeException e) {
          LOG.warn("log subscriber failed on close", e);
        }
      }
      subscribers.clear();
      changed.signalAll();
      if (channel != null) {
        channel.close();
      }
    } finally {
      lock.unlock();
    }
  }
}
