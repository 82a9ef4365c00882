package io.jdocker.daemon.logs;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Go's RFC 3339 time layouts as Docker uses them, in UTC: {@code time.RFC3339Nano} (fraction with
 * trailing zeros trimmed, no fraction at all for whole seconds) in json-file lines, and moby's
 * {@code RFC3339NanoFixed} (always nine digits) for the {@code logs -t} prefix.
 */
public final class DockerTime {
  private DockerTime() {}

  /** {@code 2026-11-28T22:32:55.3765Z}: Go's {@code time.RFC3339Nano} in UTC. */
  public static String formatNano(Instant t) {
    ByteBuilder b = new ByteBuilder(32);
    appendNano(b, t, false);
    return new String(b.array(), 0, b.length(), StandardCharsets.US_ASCII);
  }

  /** {@code 2026-11-28T22:32:55.376500000Z}: moby's {@code RFC3339NanoFixed} in UTC. */
  public static String formatNanoFixed(Instant t) {
    ByteBuilder b = new ByteBuilder(32);
    appendNano(b, t, true);
    return new String(b.array(), 0, b.length(), StandardCharsets.US_ASCII);
  }

  static void appendNano(ByteBuilder b, Instant t, boolean fixedFraction) {
    LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), ZoneOffset.UTC);
    if (d.getYear() < 0 || d.getYear() > 9999) {
      b.appendAscii(t.toString());
      return;
    }
    b.ensureSpare(30);
    appendDigits(b, d.getYear(), 4);
    b.append((byte) '-');
    appendDigits(b, d.getMonthValue(), 2);
    b.append((byte) '-');
    appendDigits(b, d.getDayOfMonth(), 2);
    b.append((byte) 'T');
    appendDigits(b, d.getHour(), 2);
    b.append((byte) ':');
    appendDigits(b, d.getMinute(), 2);
    b.append((byte) ':');
    appendDigits(b, d.getSecond(), 2);
    int nano = t.getNano();
    if (fixedFraction) {
      b.append((byte) '.');
      appendDigits(b, nano, 9);
    } else if (nano != 0) {
      int digits = 9;
      while (nano % 10 == 0) {
        nano /= 10;
        digits--;
      }
      b.append((byte) '.');
      appendDigits(b, nano, digits);
    }
    b.append((byte) 'Z');
  }

  private static void appendDigits(ByteBuilder b, int value, int width) {
    byte[] a = b.array();
    int end = b.length() + width;
    for (int i = end - 1; i >= b.length(); i--) {
      a[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    b.truncate(end);
  }

  /**
   * Parses an RFC 3339 time ({@code Z} or a numeric offset, optional fraction of up to nine
   * digits) from ASCII bytes, or returns null when it is not one.
   */
  static Instant parseRfc3339(byte[] s, int off, int len) {
    Instant fast = parseCanonical(s, off, len);
    if (fast != null) {
      return fast;
    }
    try {
      return OffsetDateTime.parse(new String(s, off, len, StandardCharsets.ISO_8859_1)).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The common case, {@code YYYY-MM-DDTHH:MM:SS[.fffffffff]Z}, without allocating a parser. */
  private static Instant parseCanonical(byte[] s, int off, int len) {
    int end = off + len;
    if (len < 20 || s[end - 1] != 'Z' || s[off + 4] != '-' || s[off + 7] != '-'
        || s[off + 10] != 'T' || s[off + 13] != ':' || s[off + 16] != ':') {
      return null;
    }
    int year = digits(s, off, 4);
    int month = digits(s, off + 5, 2);
    int day = digits(s, off + 8, 2);
    int hour = digits(s, off + 11, 2);
    int minute = digits(s, off + 14, 2);
    int second = digits(s, off + 17, 2);
    if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    int nano = 0;
    int i = off + 19;
    if (i < end - 1) {
      int fractionDigits = end - 1 - (i + 1);
      if (s[i] != '.' || fractionDigits < 1 || fractionDigits > 9) {
        return null;
      }
      nano = digits(s, i + 1, fractionDigits);
      if (nano < 0) {
        return null;
      }
      for (int k = fractionDigits; k < 9; k++) {
        nano *= 10;
      }
    }
    try {
      long epochDay = LocalDate.of(year, month, day).toEpochDay();
      return Instant.ofEpochSecond(epochDay * 86400 + hour * 3600L + minute * 60L + second, nano);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static int digits(byte[] s, int off, int count) {
    int v = 0;
    for (int i = off; i < off + count; i++) {
      int d = s[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }
}
