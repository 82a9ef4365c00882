package io.jdocker.cli.command;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** docker's timetypes.GetTimestamp: unix seconds, Go durations before now, or RFC 3339 dates. */
final class Timestamps {
  private static final Pattern UNIX = Pattern.compile("\\d+(\\.\\d{1,9})?");
  private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

  private Timestamps() {}

  static String get(String value, Instant now, ZoneId zone) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (UNIX.matcher(value).matches()) {
      return value;
    }
    Duration duration = parseDuration(value);
    if (duration != null) {
      return seconds(now.minus(duration));
    }
    try {
      if (value.contains("T") && (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$"))) {
        return seconds(OffsetDateTime.parse(value).toInstant());
      }
      if (value.contains("T")) {
        return seconds(LocalDateTime.parse(value).atZone(zone).toInstant());
      }
      return seconds(LocalDate.parse(value).atStartOfDay(zone).toInstant());
    } catch (RuntimeException e) {
      throw new io.jdocker.cli.CliException("failed to parse value as time or duration: \"" + value + "\"");
    }
  }

  private static Duration parseDuration(String value) {
    Matcher m = DURATION_PART.matcher(value);
    long nanos = 0;
    int end = 0;
    while (m.find() && m.start() == end) {
      double amount = Double.parseDouble(m.group(1));
      long unit = switch (m.group(2)) {
        case "ns" -> 1L;
        case "us", "µs" -> 1_000L;
        case "ms" -> 1_000_000L;
        case "s" -> 1_000_000_000L;
        case "m" -> 60_000_000_000L;
        default -> 3_600_000_000_000L;
      };
      nanos += (long) (amount * unit);
      end = m.end();
    }
    return end == value.length() && end > 0 ? Duration.ofNanos(nanos) : null;
  }

  private static String seconds(Instant instant) {
    return String.format("%d.%09d", instant.getEpochSecond(), instant.getNano());
  }
}
