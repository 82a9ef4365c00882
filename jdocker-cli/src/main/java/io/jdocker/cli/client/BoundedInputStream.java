package io.jdocker.cli.client;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** A Content-Length body: exactly {@code length} bytes of the connection. */
final class BoundedInputStream extends InputStream {
  private final InputStream in;
  private long remaining;

  BoundedInputStream(InputStream in, long length) {
    this.in = in;
    this.remaining = length;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (remaining <= 0) {
      return -1;
    }
    int n = in.read(b, off, (int) Math.min(len, remaining));
    if (n < 0) {
      throw new EOFException("connection closed before the end of the body");
    }
    remaining -= n;
    return n;
  }
}
