package io.jdocker.daemon.logs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Reads complete {@code '\n'}-terminated lines forward from a log file in large blocks. Bytes
 * after the last newline (a record still being written, or torn by a crash) are kept back until
 * their newline arrives, so they are never returned as a line.
 */
final class LineReader {
  private static final int INITIAL_BUFFER = 256 * 1024;
  /** Longer lines cannot come from this writer (records are at most 16 KiB of text); skip them. */
  private static final int MAX_LINE = 64 * 1024 * 1024;

  private final FileChannel channel;
  private long position;
  private byte[] buf = new byte[INITIAL_BUFFER];
  private int start;
  private int end;
  private int scanned;
  private boolean discarding;
  private int lineOffset;
  private int lineLength;

  LineReader(FileChannel channel, long position) {
    this.channel = channel;
    this.position = position;
  }

  FileChannel channel() {
    return channel;
  }

  /** The file offset up to which bytes have been read (including a held-back partial line). */
  long position() {
    return position;
  }

  byte[] array() {
    return buf;
  }

  int lineOffset() {
    return lineOffset;
  }

  int lineLength() {
    return lineLength;
  }

  /** Advances to the next complete line; false when the file has no further complete line yet. */
  boolean next() throws IOException {
    while (true) {
      int q = indexOfNewline();
      if (q >= 0) {
        boolean skip = discarding;
        discarding = false;
        lineOffset = start;
        lineLength = q - start;
        start = q + 1;
        scanned = start;
        if (skip) {
          continue;
        }
        return true;
      }
      scanned = end;
      if (!fill()) {
        return false;
      }
    }
  }

  private int indexOfNewline() {
    byte[] a = buf;
    for (int i = scanned; i < end; i++) {
      if (a[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private boolean fill() throws IOException {
    if (start > 0) {
      System.arraycopy(buf, start, buf, 0, end - start);
      end -= start;
      scanned -= start;
      start = 0;
    }
    if (end == buf.length) {
      if (buf.length >= MAX_LINE) {
        discarding = true;
        end = 0;
        scanned = 0;
      } else {
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
    }
    int read = channel.read(ByteBuffer.wrap(buf, end, buf.length - end), position);
    if (read <= 0) {
      return false;
    }
    position += read;
    end += read;
    return true;
  }
}
