package io.jdocker.cli.tty;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Watches a TTY's keystrokes for the detach sequence (docker's {@code term.EscapeProxy}): the keys
 * of a complete sequence are swallowed and the next read throws {@link EscapeSequenceException};
 * a partial sequence followed by another key is passed on, buffered keys first. Unlike docker,
 * which only matches keys that arrive one per read, keys are matched anywhere in the input.
 */
public final class EscapeProxy extends FilterInputStream {
  private final byte[] keys;
  private int matched;
  private boolean escaped;
  private byte[] pending = new byte[0];
  private int pendingAt;

  public EscapeProxy(InputStream in, byte[] keys) {
    super(in);
    this.keys = keys.clone();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n;
    do {
      n = read(one, 0, 1);
    } while (n == 0);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  /**
   * The keystrokes to send. A read that completes the sequence returns the bytes before it
   * (possibly none); the following read throws.
   */
  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (pendingAt < pending.length) {
      int n = Math.min(len, pending.length - pendingAt);
      System.arraycopy(pending, pendingAt, b, off, n);
      pendingAt += n;
      return n;
    }
    if (escaped) {
      throw new EscapeSequenceException();
    }
    if (keys.length == 0) {
      return in.read(b, off, len);
    }
    byte[] raw = new byte[len];
    int n = in.read(raw, 0, len);
    ByteArrayOutputStream out = new ByteArrayOutputStream(n < 0 ? keys.length : n + keys.length);
    if (n < 0) {
      if (matched == 0) {
        return -1;
      }
      out.write(keys, 0, matched);
      matched = 0;
    }
    for (int i = 0; i < n && !escaped; i++) {
      filter(raw[i], out);
    }
    pending = out.toByteArray();
    pendingAt = Math.min(len, pending.length);
    System.arraycopy(pending, 0, b, off, pendingAt);
    return pendingAt;
  }

  private void filter(byte c, ByteArrayOutputStream out) {
    if (c != keys[matched] && matched > 0) {
      out.write(keys, 0, matched);
      matched = 0;
    }
    if (c == keys[matched]) {
      matched++;
      if (matched == keys.length) {
        matched = 0;
        escaped = true;
      }
      return;
    }
    out.write(c);
  }

  @Override
  public int available() throws IOException {
    return pending.length - pendingAt;
  }
}
