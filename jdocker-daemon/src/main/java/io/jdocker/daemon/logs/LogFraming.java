package io.jdocker.daemon.logs;

import java.nio.charset.StandardCharsets;

/**
 * Encodes log messages for a {@code logs} response body (or an attach stream): raw bytes for a
 * TTY container, otherwise Docker's multiplexed frames {@code [type,0,0,0,len(4, big-endian)]} +
 * payload with type 1 for stdout and 2 for stderr. With timestamps, each line starts with the
 * time as dockerd writes it ({@code RFC3339NanoFixed} and a space). Unlike dockerd, a line that
 * was stored as several partial records gets one timestamp, not one per 16 KiB piece; this is why
 * an instance keeps per-stream state and serves one response.
 */
public final class LogFraming {
  /** Frame type of a daemon error inside a multiplexed stream; the client reports it as an error. */
  public static final int SYSTEM_ERROR = 3;
  private static final int HEADER_SIZE = 8;
  private static final int TIMESTAMP_SIZE = "2026-11-28T22:32:55.376503483Z ".length();

  private final boolean tty;
  private final boolean timestamps;
  private final boolean[] midLine = new boolean[StdStream.values().length];

  public LogFraming(boolean tty, boolean timestamps) {
    this.tty = tty;
    this.timestamps = timestamps;
  }

  /** The Content-Type dockerd (API 1.42+) sends with this body. */
  public String contentType() {
    return tty ? "application/vnd.docker.raw-stream" : "application/vnd.docker.multiplexed-stream";
  }

  /** The bytes to send for {@code m}. */
  public byte[] encode(LogMessage m) {
    byte[] payload = m.bytes();
    boolean stamp = timestamps && !midLine[m.stream().ordinal()];
    midLine[m.stream().ordinal()] = !m.endsLine();
    int headerSize = tty ? 0 : HEADER_SIZE;
    ByteBuilder out = new ByteBuilder(headerSize + (stamp ? TIMESTAMP_SIZE : 0) + payload.length);
    if (!tty) {
      out.truncate(HEADER_SIZE);
    }
    if (stamp) {
      DockerTime.appendNano(out, m.time(), true);
      out.append((byte) ' ');
    }
    out.append(payload);
    byte[] frame = out.array().length == out.length() ? out.array() : out.toByteArray();
    if (!tty) {
      writeHeader(frame, m.stream().frameType(), frame.length - HEADER_SIZE);
    }
    return frame;
  }

  /** A daemon-side error for the client, as dockerd's {@code "Error grabbing logs: …"}. */
  public byte[] systemError(String message) {
    byte[] text = ("Error grabbing logs: " + message + "\n").getBytes(StandardCharsets.UTF_8);
    if (tty) {
      return text;
    }
    byte[] frame = new byte[HEADER_SIZE + text.length];
    writeHeader(frame, SYSTEM_ERROR, text.length);
    System.arraycopy(text, 0, frame, HEADER_SIZE, text.length);
    return frame;
  }

  /** The 8-byte header of a multiplexed frame carrying {@code length} bytes. */
  public static byte[] header(int type, int length) {
    byte[] h = new byte[HEADER_SIZE];
    writeHeader(h, type, length);
    return h;
  }

  private static void writeHeader(byte[] frame, int type, int length) {
    frame[0] = (byte) type;
    frame[1] = 0;
    frame[2] = 0;
    frame[3] = 0;
    frame[4] = (byte) (length >>> 24);
    frame[5] = (byte) (length >>> 16);
    frame[6] = (byte) (length >>> 8);
    frame[7] = (byte) length;
  }
}
