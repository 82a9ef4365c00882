package io.jdocker.daemon.engine.containers;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The writing end of one run's stdin: the daemon's handle on the stdin FIFO of an {@code
 * OpenStdin} container, which jdocker-init relays into the terminal of a TTY container. Several
 * attached clients may write; each chunk is written whole. Closing it gives a non-TTY container
 * EOF ({@link RelayedStdin} also asks jdocker-init to drop its own write end).
 */
final class ContainerStdin {
  private final OutputStream target;
  private final boolean tty;
  private final boolean stdinOnce;
  private boolean closed;

  ContainerStdin(OutputStream target, boolean tty, boolean stdinOnce) {
    this.target = target;
    this.tty = tty;
    this.stdinOnce = stdinOnce;
  }

  /** Docker closes the container's stdin at the client's EOF only for StdinOnce without a TTY. */
  boolean closesOnClientEof() {
    return stdinOnce && !tty;
  }

  synchronized void write(byte[] b, int off, int len) throws IOException {
    if (closed) {
      throw new IOException("the container's stdin is closed");
    }
    target.write(b, off, len);
  }

  synchronized void close() {
    if (!closed) {
      closed = true;
      try {
        target.close();
      } catch (IOException e) {
        // the container is gone already
      }
    }
  }
}
