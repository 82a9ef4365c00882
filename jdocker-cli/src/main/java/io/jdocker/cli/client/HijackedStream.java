package io.jdocker.cli.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The raw two-way stream of an attach or exec after {@code 101 UPGRADED}. */
public final class HijackedStream implements AutoCloseable {
  private final HttpConnection connection;

  HijackedStream(HttpConnection connection) {
    this.connection = connection;
  }

  /** What the container writes: multiplexed frames, or raw bytes for a TTY. */
  public InputStream input() {
    return connection.input();
  }

  /** The container's stdin (always raw). */
  public OutputStream output() {
    return connection.rawOutput();
  }

  /** Signals stdin EOF while output keeps flowing; docker does this at once when stdin is not attached. */
  public void closeWrite() {
    try {
      connection.shutdownOutput();
    } catch (IOException e) {
      // the daemon already closed its side; output reading will see the end
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (IOException e) {
      // closing an abandoned stream
    }
  }
}
