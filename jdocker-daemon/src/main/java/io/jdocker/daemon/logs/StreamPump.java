package io.jdocker.daemon.logs;

import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies one container stream into the log as moby's {@code logger.Copier} does: one record per
 * {@code '\n'}-terminated line; a line that fills the 16 KiB buffer, or the bytes left when the
 * stream ends, become a partial record without the newline. Unlike moby, a cut never splits a
 * UTF-8 sequence (which json-file would turn into U+FFFD).
 */
final class StreamPump implements Runnable {
  static final int BUFFER_SIZE = 16 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(StreamPump.class);

  private final StdStream stream;
  private final InputStream in;
  private final LogFileAppender appender;
  private final byte[] buf = new byte[BUFFER_SIZE];
  private final ByteBuilder line = new ByteBuilder(BUFFER_SIZE + 256);

  StreamPump(StdStream stream, InputStream in, LogFileAppender appender) {
    this.stream = stream;
    this.in = in;
    this.appender = appender;
  }

  @Override
  public void run() {
    try (in) {
      pump();
    } catch (IOException e) {
      LOG.debug("closing container {} stream failed", stream.jsonName(), e);
    }
  }

  private void pump() {
    int n = 0;
    int scanned = 0;
    while (true) {
      int read = read(n);
      if (read > 0) {
        n += read;
      }
      int p = 0;
      for (int q = indexOfNewline(scanned, n); q >= 0; q = indexOfNewline(p, n)) {
        emit(p, q + 1 - p);
        p = q + 1;
      }
      if (read < 0) {
        if (p < n) {
          emit(p, n - p);
        }
        return;
      }
      if (p == 0 && n == buf.length) {
        p = Utf8.safeCut(buf, 0, n);
        emit(0, p);
      }
      if (p > 0) {
        System.arraycopy(buf, p, buf, 0, n - p);
        n -= p;
      }
      scanned = n;
    }
  }

  private int read(int n) {
    try {
      return in.read(buf, n, buf.length - n);
    } catch (IOException e) {
      // The container side went away (pipe closed under us): treat it as the end of the stream.
      LOG.debug("reading container {} stream failed", stream.jsonName(), e);
      return -1;
    }
  }

  private int indexOfNewline(int from, int to) {
    for (int i = from; i < to; i++) {
      if (buf[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void emit(int off, int len) {
    line.reset();
    JsonLogEncoder.appendHead(line, stream, buf, off, len);
    appender.append(stream, line, buf, off, len);
  }
}
