package io.jdocker.daemon.api;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The request body as a blocking InputStream, fed chunk by chunk from the event loop. When more
 * than {@link #HIGH_WATER} bytes wait unread, {@link #offer} asks the caller to stop reading the
 * socket; once the reader has drained below {@link #LOW_WATER}, {@code resumeReading} runs (on
 * the reader's thread) so the caller can read again. Memory stays bounded for multi-GB uploads.
 */
final class RequestBodyStream extends InputStream {
  static final int HIGH_WATER = 1 << 20;
  static final int LOW_WATER = 256 << 10;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<ByteBuf> chunks = new ArrayDeque<>();
  private final Runnable resumeReading;
  private long buffered;
  private boolean ended;
  private boolean closed;
  private boolean paused;
  private IOException failure;

  RequestBodyStream(Runnable resumeReading) {
    this.resumeReading = resumeReading;
  }

  /** Takes ownership of {@code chunk}; returns true when the producer should pause reading. */
  boolean offer(ByteBuf chunk) {
    lock.lock();
    try {
      if (closed || ended || !chunk.isReadable()) {
        chunk.release();
        return false;
      }
      chunks.addLast(chunk);
      buffered += chunk.readableBytes();
      changed.signalAll();
      if (buffered >= HIGH_WATER) {
        paused = true;
      }
      return paused;
    } finally {
      lock.unlock();
    }
  }

  void end() {
    lock.lock();
    try {
      ended = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The body will never be complete (client gone): readers get {@code cause} after the data. */
  void fail(IOException cause) {
    lock.lock();
    try {
      if (!ended && failure == null) {
        failure = cause;
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    boolean resume = false;
    int n;
    lock.lock();
    try {
      while (chunks.isEmpty() && !ended && failure == null && !closed) {
        changed.awaitUninterruptibly();
      }
      if (closed) {
        throw new IOException("request body stream closed");
      }
      if (chunks.isEmpty()) {
        if (failure != null) {
          throw new IOException(failure.getMessage(), failure);
        }
        return -1;
      }
      ByteBuf head = chunks.peekFirst();
      n = Math.min(len, head.readableBytes());
      head.readBytes(b, off, n);
      if (!head.isReadable()) {
        chunks.pollFirst().release();
      }
      buffered -= n;
      if (paused && buffered <= LOW_WATER) {
        paused = false;
        resume = true;
      }
    } finally {
      lock.unlock();
    }
    if (resume) {
      resumeReading.run();
    }
    return n;
  }

  @Override
  public int available() {
    lock.lock();
    try {
      return (int) Math.min(Integer.MAX_VALUE, buffered);
    } finally {
      lock.unlock();
    }
  }

  /** Drops unread data; the rest of the body is discarded as it arrives. */
  @Override
  public void close() {
    boolean resume;
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      chunks.forEach(ByteBuf::release);
      chunks.clear();
      buffered = 0;
      resume = paused;
      paused = false;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    if (resume) {
      resumeReading.run();
    }
  }
}
