package io.jdocker.cli.client;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Docker's stdcopy: splits the multiplexed stream of a non-TTY container, frames of
 * {@code [type, 0, 0, 0, size (u32 big-endian)]} plus payload; type 0 and 1 go to stdout, 2 to
 * stderr, 3 is an error from the daemon.
 */
public final class StreamDemuxer {
  private StreamDemuxer() {}

  /** Copies frames until EOF, flushing after each; a type-3 frame throws its text. */
  public static void copy(InputStream in, OutputStream stdout, OutputStream stderr) throws IOException {
    byte[] header = new byte[8];
    byte[] buffer = new byte[32 * 1024];
    while (true) {
      int got = readFully(in, header);
      if (got == 0) {
        return;
      }
      if (got < 8) {
        throw new EOFException("unexpected EOF in a stream frame header");
      }
      long size = ((header[4] & 0xffL) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8) | (header[7] & 0xff);
      int type = header[0];
      if (type == 3) {
        byte[] text = new byte[(int) Math.min(size, 1 << 20)];
        text = java.util.Arrays.copyOf(text, readFully(in, text));
        throw new IOException("error from daemon in stream: " + new String(text, StandardCharsets.UTF_8));
      }
      if (type < 0 || type > 2) {
        throw new IOException("Unrecognized input header: " + type);
      }
      OutputStream target = type == 2 ? stderr : stdout;
      while (size > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, size));
        if (n < 0) {
          throw new EOFException("unexpected EOF in a stream frame");
        }
        target.write(buffer, 0, n);
        size -= n;
      }
      target.flush();
    }
  }

  /** Reads until {@code buffer} is full or EOF (streams may override readNBytes with a single read). */
  private static int readFully(InputStream in, byte[] buffer) throws IOException {
    int got = 0;
    while (got < buffer.length) {
      int n = in.read(buffer, got, buffer.length - got);
      if (n < 0) {
        break;
      }
      got += n;
    }
    return got;
  }
}
