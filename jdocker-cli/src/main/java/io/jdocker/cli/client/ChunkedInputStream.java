package io.jdocker.cli.client;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Decodes an HTTP/1.1 chunked body; stops at the last chunk, leaving the connection reusable. */
final class ChunkedInputStream extends InputStream {
  private final InputStream in;
  private long remaining;
  private boolean done;

  ChunkedInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (done) {
      return -1;
    }
    if (remaining == 0) {
      remaining = nextChunkSize();
      if (remaining == 0) {
        done = true;
        while (!HttpWire.readLine(in).isEmpty()) {
          // trailers are ignored
        }
        return -1;
      }
    }
    int n = in.read(b, off, (int) Math.min(len, remaining));
    if (n < 0) {
      throw new EOFException("connection closed inside a chunk");
    }
    remaining -= n;
    if (remaining == 0) {
      HttpWire.readLine(in);
    }
    return n;
  }

  private long nextChunkSize() throws IOException {
    String line = HttpWire.readLine(in);
    int semicolon = line.indexOf(';');
    String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
    try {
      return Long.parseLong(hex, 16);
    } catch (NumberFormatException e) {
      throw new IOException("malformed chunk size: \"" + line + "\"");
    }
  }
}
