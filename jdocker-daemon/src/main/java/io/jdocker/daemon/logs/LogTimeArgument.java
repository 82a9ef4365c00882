package io.jdocker.daemon.logs;

import io.jdocker.errdefs.InvalidParameterException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code since}/{@code until} values Docker accepts, as docker/cli's {@code
 * timetypes.GetTimestamp} and moby's {@code ParseTimestamps} read them: Unix seconds with an
 * optional fraction ({@code 1700000000.5}, what the docker CLI sends), RFC 3339 dates and times
 * with or without zone ({@code 2026-11-28}, {@code 2026-11-28T22:32}, {@code
 * 2026-11-28T22:32:55.1+01:00}; without a zone in the daemon's zone) and Go durations relative to
 * now ({@code 10m}, {@code 1h30m}).
 */
public final class LogTimeArgument {
  private static final Pattern RFC3339_LIKE =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})"
              + "(?:T(\\d{2})(?::(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?)?"
              + "(Z|[+-]\\d{2}:\\d{2})?");
  private static final Pattern UNIX_SECONDS = Pattern.compile("(-?\\d+)(?:\\.(\\d+))?");

  private LogTimeArgument() {}

  /**
   * Parses {@code value}; null or empty means "not given" and returns null.
   *
   * @param name the parameter name for error messages ({@code since}, {@code until})
   * @throws InvalidParameterException naming the parameter and the value
   */
  public static Instant parse(String name, String value, Instant now, ZoneId zone) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (!value.equals("0")) {
      Duration d = tryDuration(value);
      if (d != null) {
        // The docker CLI sends whole seconds for durations; do the same so both paths agree.
        return Instant.ofEpochSecond(now.minus(d).getEpochSecond());
      }
    }
    Matcher unix = UNIX_SECONDS.matcher(value);
    if (unix.matches()) {
      return unixSeconds(name, value, unix);
    }
    Matcher m = RFC3339_LIKE.matcher(value);
    if (m.matches()) {
      try {
        return dateTime(m, zone);
      } catch (DateTimeException e) {
        throw new InvalidParameterException(
            "invalid value for \"" + name + "\": parsing time \"" + value + "\": " + e.getMessage());
      }
    }
    if (value.contains("-")) {
      throw new InvalidParameterException(
          "invalid value for \"" + name + "\": parsing time \"" + value + "\": not an RFC 3339 time");
    }
    throw new InvalidParameterException(
        "invalid value for \"" + name + "\": failed to parse value as time or duration: \"" + value + "\"");
  }

  private static Duration tryDuration(String value) {
    char c = value.charAt(value.length() - 1);
    if (!Character.isLetter(c)) {
      return null;
    }
    try {
      return GoDuration.parse(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Instant unixSeconds(String name, String value, Matcher m) {
    try {
      long seconds = Long.parseLong(m.group(1));
      String fraction = m.group(2);
      long nanos = 0;
      if (fraction != null) {
        String nine = fraction.length() > 9 ? fraction.substring(0, 9) : fraction;
        nanos = Long.parseLong(nine);
        for (int i = nine.length(); i < 9; i++) {
          nanos *= 10;
        }
      }
      return Instant.ofEpochSecond(seconds, nanos);
    } catch (NumberFormatException | DateTimeException e) {
      throw new InvalidParameterException(
          "invalid value for \"" + name + "\": timestamp out of range: \"" + value + "\"");
    }
  }

  private static Instant dateTime(Matcher m, ZoneId zone) {
    LocalDate date =
        LocalDate.of(
            Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    int hour = intOrZero(m.group(4));
    int minute = intOrZero(m.group(5));
    int second = intOrZero(m.group(6));
    int nano = 0;
    if (m.group(7) != null) {
      nano = Integer.parseInt((m.group(7) + "00000000").substring(0, 9));
    }
    LocalDateTime local = date.atTime(hour, minute, second, nano);
    String offset = m.group(8);
    if (offset == null) {
      return ZonedDateTime.of(local, zone).toInstant();
    }
    return local.toInstant(offset.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(offset));
  }

  private static int intOrZero(String digits) {
    return digits == null ? 0 : Integer.parseInt(digits);
  }
}
