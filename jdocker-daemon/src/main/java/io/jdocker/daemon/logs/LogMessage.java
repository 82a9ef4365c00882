package io.jdocker.daemon.logs;

import java.time.Instant;
import java.util.Objects;

/**
 * One json-file record: the bytes a container wrote on one stream, ending with {@code '\n'} unless
 * the line was longer than the copy buffer or the stream ended without a newline (a partial line).
 * The array is owned by the message and must not be modified.
 */
public record LogMessage(StdStream stream, Instant time, byte[] bytes) {
  public LogMessage {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(bytes, "bytes");
  }

  /** Whether this message ends a line; false for the pieces of a line cut at the buffer size. */
  public boolean endsLine() {
    return bytes.length > 0 && bytes[bytes.length - 1] == '\n';
  }
}
