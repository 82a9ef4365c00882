package io.jdocker.daemon.api.streams;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Docker's multiplexed stream for non-TTY attach, exec and logs: every write becomes one frame,
 * an 8-byte header {@code [stream, 0, 0, 0, length as 4 bytes big-endian]} and the payload, as
 * Go's {@code stdcopy.StdWriter}. Header and payload go to the underlying stream in one write
 * followed by a flush, under a lock, so stdout and stderr pumps can share one connection and a
 * frame is never split or interleaved.
 */
public final class MultiplexedOutput {
  public static final int STDIN = 0;
  public static final int STDOUT = 1;
  public static final int STDERR = 2;
  /** A daemon error; the docker CLI prints it and fails. */
  public static final int SYSTEM_ERROR = 3;

  static final int HEADER_SIZE = 8;

  private final OutputStream out;
  private final OutputStream stdout = new StreamView(STDOUT);
  private final OutputStream stderr = new StreamView(STDERR);

  public MultiplexedOutput(OutputStream out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  /** Frames of type 1. Closing the view does not close the connection. */
  public OutputStream stdout() {
    return stdout;
  }

  /** Frames of type 2. Closing the view does not close the connection. */
  public OutputStream stderr() {
    return stderr;
  }

  /** One frame of type {@code stream} (0 to 3); empty payloads are not sent, as stdcopy does. */
  public void write(int stream, byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (stream < STDIN || stream > SYSTEM_ERROR) {
      throw new IllegalArgumentException("stream type must be 0 to 3, not " + stream);
    }
    if (len == 0) {
      return;
    }
    byte[] frame = new byte[HEADER_SIZE + len];
    frame[0] = (byte) stream;
    frame[4] = (byte) (len >>> 24);
    frame[5] = (byte) (len >>> 16);
    frame[6] = (byte) (len >>> 8);
    frame[7] = (byte) len;
    System.arraycopy(b, off, frame, HEADER_SIZE, len);
    synchronized (this) {
      out.write(frame);
      out.flush();
    }
  }

  /** A system-error frame (type 3) carrying {@code message}. */
  public void systemError(String message) throws IOException {
    byte[] text = message.getBytes(StandardCharsets.UTF_8);
    write(SYSTEM_ERROR, text, 0, text.length);
  }

  private final class StreamView extends OutputStream {
    private final int type;

    StreamView(int type) {
      this.type = type;
    }

    @Override
    public void write(int b) throws IOException {
      MultiplexedOutput.this.write(type, new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      MultiplexedOutput.this.write(type, b, off, len);
    }

    @Override
    public void flush() throws IOException {
      synchronized (MultiplexedOutput.this) {
        out.flush();
      }
    }

    @Override
    public void close() {}
  }
}
