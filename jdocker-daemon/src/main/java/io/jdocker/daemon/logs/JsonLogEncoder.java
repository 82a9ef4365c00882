package io.jdocker.daemon.logs;

import java.time.Instant;

/**
 * Writes json-file lines byte for byte as moby's {@code jsonlog.JSONLogs.MarshalJSONBuf} does:
 * {@code {"log":"out\n","stream":"stdout","time":"2026-11-28T22:32:55.376503483Z"}}, escaping
 * {@code < > &} and control characters as six-character unicode escapes, U+2028/U+2029 as
 * escapes and invalid UTF-8 as the escaped replacement character U+FFFD. The line is built in two steps so that only the time is added while
 * the file lock is held.
 */
final class JsonLogEncoder {
  private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] LOG_FIELD = ascii("{\"log\":\"");
  private static final byte[] STREAM_FIELD = ascii("\",\"stream\":\"");
  private static final byte[] TIME_FIELD = ascii("\",\"time\":\"");
  private static final byte[] END = ascii("\"}\n");

  private JsonLogEncoder() {}

  /** Appends everything up to and including the opening quote of the time value. */
  static void appendHead(ByteBuilder out, StdStream stream, byte[] log, int off, int len) {
    out.append(LOG_FIELD);
    appendEscaped(out, log, off, len);
    out.append(STREAM_FIELD).appendAscii(stream.jsonName()).append(TIME_FIELD);
  }

  /** Completes a line started by {@link #appendHead}. */
  static void appendTail(ByteBuilder out, Instant time) {
    DockerTime.appendNano(out, time, false);
    out.append(END);
  }

  static void appendEscaped(ByteBuilder out, byte[] s, int off, int len) {
    out.ensureSpare(len + 16);
    int end = off + len;
    int start = off;
    int i = off;
    while (i < end) {
      int b = s[i] & 0xFF;
      if (b < 0x80) {
        if (b >= 0x20 && b != '\\' && b != '"' && b != '<' && b != '>' && b != '&') {
          i++;
          continue;
        }
        out.append(s, start, i - start);
        switch (b) {
          case '\\', '"' -> out.append((byte) '\\').append((byte) b);
          case '\n' -> out.append((byte) '\\').append((byte) 'n');
          case '\r' -> out.append((byte) '\\').append((byte) 'r');
          default -> appendUnicodeEscape(out, b);
        }
        start = ++i;
        continue;
      }
      int size = Utf8.sequenceLength(s, i, end);
      if (size == 0) {
        out.append(s, start, i - start);
        out.appendAscii("\\ufffd");
        start = ++i;
        continue;
      }
      if (size == 3 && b == 0xE2 && s[i + 1] == (byte) 0x80 && (s[i + 2] == (byte) 0xA8 || s[i + 2] == (byte) 0xA9)) {
        out.append(s, start, i - start);
        out.appendAscii(s[i + 2] == (byte) 0xA8 ? "\\u2028" : "\\u2029");
        i += 3;
        start = i;
        continue;
      }
      i += size;
    }
    out.append(s, start, end - start);
  }

  private static void appendUnicodeEscape(ByteBuilder out, int b) {
    out.appendAscii("\\u00").append(HEX[b >> 4]).append(HEX[b & 0xF]);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
