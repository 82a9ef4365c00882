package io.jdocker.daemon.logs;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The messages of one {@code logs} request, oldest first: the files as they were when opened,
 * then (when following a live writer) each record as it is appended, continuing across
 * rotations. The file part and the live part meet at a byte offset read under the writer's
 * lock, so no message is lost or repeated between them. {@link #close} may be called from any
 * thread (e.g. on client disconnect, from an event loop: it never blocks on a read in progress)
 * and makes a waiting {@link #next} return null.
 */
public final class LogCursor implements AutoCloseable {
  private final LogFileAppender live;
  private final LogReadOptions options;
  private final Deque<OpenLogFile> pending;
  private final JsonLogDecoder decoder = new JsonLogDecoder();
  private final ReentrantLock reading = new ReentrantLock();
  private OpenLogFile current;
  private LineReader reader;
  private boolean rotatedAway;
  private boolean finished;
  private volatile boolean closed;

  /** @param files oldest first; reading starts in the first at {@code offset} */
  LogCursor(LogFileAppender live, LogReadOptions options, List<OpenLogFile> files, long offset) {
    this.live = options.follow() ? live : null;
    this.options = options;
    this.pending = new ArrayDeque<>(files);
    if (pending.isEmpty()) {
      finished = true;
    } else {
      switchTo(pending.poll(), offset);
    }
  }

  /**
   * The next message, waiting for one while following; null at the end (files read and not
   * following, writer closed, {@code until} passed, or cursor closed).
   *
   * @throws InterruptedIOException if the thread is interrupted while waiting
   */
  public LogMessage next() throws IOException {
    reading.lock();
    try {
      LogMessage m = read();
      if (m == null || closed) {
        finish();
        return null;
      }
      return m;
    } finally {
      reading.unlock();
      if (closed) {
        releaseIfIdle();
      }
    }
  }

  private LogMessage read() throws IOException {
    try {
      while (!finished && !closed) {
        if (reader.next()) {
          LogMessage m = decoder.decode(reader.array(), reader.lineOffset(), reader.lineLength());
          if (m == null || !options.wants(m.stream())) {
            continue;
          }
          if (options.until() != null && m.time().isAfter(options.until())) {
            return null;
          }
          if (options.since() != null && m.time().isBefore(options.since())) {
            continue;
          }
          return m;
        }
        advance();
      }
    } catch (ClosedChannelException e) {
      if (!closed) {
        throw e;
      }
    }
    return null;
  }

  /** Called when the current file has no further complete line. */
  private void advance() throws IOException {
    if (!pending.isEmpty()) {
      closeCurrent();
      switchTo(pending.poll(), 0);
      return;
    }
    if (live == null) {
      finish();
      return;
    }
    if (rotatedAway) {
      // Nothing is appended to a rotated file, so what was read is all of it.
      OpenLogFile successor = live.openAfter(current.generation());
      closeCurrent();
      if (successor == null) {
        finish();
      } else {
        switchTo(successor, 0);
      }
      return;
    }
    LogFileAppender.Change change;
    try {
      change = live.awaitChange(current.generation(), reader.position(), () -> closed, options.until());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while following container logs");
    }
    switch (change) {
      case DATA -> {}
      case ROTATED -> rotatedAway = true;
      case CLOSED, STOPPED -> finish();
    }
  }

  private void switchTo(OpenLogFile file, long offset) {
    current = file;
    reader = new LineReader(file.channel(), offset);
    rotatedAway = false;
  }

  private void finish() {
    finished = true;
    release();
  }

  private void closeCurrent() {
    try {
      current.channel().close();
    } catch (IOException e) {
      // read-only channel: nothing to lose
    }
  }

  private void release() {
    if (current != null) {
      closeCurrent();
    }
    for (OpenLogFile f : pending) {
      try {
        f.channel().close();
      } catch (IOException e) {
        // read-only channel: nothing to lose
      }
    }
    pending.clear();
  }

  /** Ends the cursor; a {@link #next} waiting on another thread returns null. */
  @Override
  public void close() {
    closed = true;
    if (live != null) {
      live.wake();
    }
    releaseIfIdle();
  }

  /** Releases the files unless a {@link #next} is running, which then does it on its way out. */
  private void releaseIfIdle() {
    if (reading.tryLock()) {
      try {
        finish();
      } finally {
        reading.unlock();
      }
    }
  }
}
