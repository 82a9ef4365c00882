package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.logs.LogMessage;
import io.jdocker.daemon.logs.LogSubscriber;
import io.jdocker.daemon.logs.LogSubscription;
import io.jdocker.daemon.logs.StdStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hands a container's output to attached clients as it is read, chunk by chunk, not line by line
 * as the json-file log stores it: a shell prompt without a newline must reach {@code run -it} at
 * once. The log's copy threads read through {@link #tee}, so every byte is read once and goes to
 * both. Subscribers that block slow the container down, as a slow attach client does in Docker.
 */
final class OutputBroadcaster {
  private final List<LogSubscriber> subscribers = new CopyOnWriteArrayList<>();
  private boolean closed;

  /** Delivers every chunk read from now on; {@code onClose} once the run's output has ended. */
  LogSubscription subscribe(LogSubscriber subscriber) {
    synchronized (this) {
      if (!closed) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
      }
    }
    subscriber.onClose();
    return () -> { };
  }

  /** {@code in}, with every chunk read from it also published as {@code stream}. */
  InputStream tee(StdStream stream, InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
          publish(stream, b, off, n);
        }
        return n;
      }

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }
    };
  }

  void publish(StdStream stream, byte[] b, int off, int len) {
    if (subscribers.isEmpty()) {
      return;
    }
    LogMessage chunk = new LogMessage(stream, Instant.now(), Arrays.copyOfRange(b, off, off + len));
    for (LogSubscriber s : subscribers) {
      try {
        s.onMessage(chunk);
      } catch (RuntimeException e) {
        subscribers.remove(s);
      }
    }
  }

  /** The run's output has ended: every subscriber gets {@code onClose}. */
  void close() {
    synchronized (this) {
      closed = true;
    }
    for (LogSubscriber s : subscribers) {
      subscribers.remove(s);
      s.onClose();
    }
  }
}
