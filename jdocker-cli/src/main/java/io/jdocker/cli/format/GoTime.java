package io.jdocker.cli.format;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Go's time layouts the docker CLI prints, in the local zone as Go does. */
public final class GoTime {
  private static final DateTimeFormatter STRING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z", Locale.ROOT);
  private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("z", Locale.US);
  private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);
  private static final DateTimeFormatter RFC3339_NANO_FIXED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnnXXX", Locale.ROOT);
  private static final DateTimeFormatter ANSIC = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

  private GoTime() {}

  /** {@code time.Unix(s, 0).String()}: "2026-11-29 00:08:25 +0000 UTC". */
  public static String string(long epochSeconds, ZoneId zone) {
    ZonedDateTime time = ZonedDateTime.ofInstant(Instant.ofEpochSecond(epochSeconds), zone);
    return STRING.format(time) + " " + zoneName(time);
  }

  /** Go prints "UTC" for UTC and the offset ("+0100") for zones without an abbreviation. */
  private static String zoneName(ZonedDateTime time) {
    if (time.getZone() instanceof java.time.ZoneOffset offset) {
      return offset.getTotalSeconds() == 0 ? "UTC" : DateTimeFormatter.ofPattern("xx", Locale.ROOT).format(time);
    }
    return ZONE_NAME.format(time);
  }

  /** {@code time.RFC3339}: "2026-11-29T00:08:25Z". */
  public static String rfc3339(long epochSeconds, ZoneId zone) {
    return RFC3339.format(ZonedDateTime.ofInstant(Instant.ofEpochSecond(epochSeconds), zone));
  }

  /** jsonmessage's RFC3339NanoFixed: always nine fraction digits. */
  public static String rfc3339NanoFixed(long epochNanos, ZoneId zone) {
    Instant instant = Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
    return RFC3339_NANO_FIXED.format(ZonedDateTime.ofInstant(instant, zone));
  }

  /** {@code time.ANSIC} of an RFC 3339 timestamp; the input unchanged if it does not parse. */
  public static String ansic(String rfc3339, ZoneId zone) {
    try {
      return ANSIC.format(ZonedDateTime.ofInstant(java.time.OffsetDateTime.parse(rfc3339).toInstant(), zone));
    } catch (RuntimeException e) {
      return rfc3339;
    }
  }
}
