package io.jdocker.daemon.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.errdefs.InvalidParameterException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LogTimeArgumentTest {
  private static final Instant NOW = Instant.parse("2026-11-28T22:32:55.750Z");
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private static Instant since(String value) {
    return LogTimeArgument.parse("since", value, NOW, PARIS);
  }

  @Test
  void unixSecondsWithOptionalFractionAsTheDockerCliSendsThem() {
    assertEquals(Instant.ofEpochSecond(1700000000), since("1700000000"));
    assertEquals(Instant.ofEpochSecond(1700000000, 500_000_000), since("1700000000.5"));
    assertEquals(Instant.ofEpochSecond(1700000000, 1), since("1700000000.000000001"));
    assertEquals(Instant.ofEpochSecond(1700000000, 123456789), since("1700000000.1234567891"));
    assertEquals(Instant.EPOCH, since("0"));
  }

  @Test
  void rfc3339WithZoneOrInTheDaemonsZone() {
    assertEquals(Instant.parse("2026-11-28T22:32:55Z"), since("2026-11-28T22:32:55Z"));
    assertEquals(Instant.parse("2026-11-28T22:32:55.25Z"), since("2026-11-28T23:32:55.25+01:00"));
    assertEquals(Instant.parse("2026-11-28T21:32:55Z"), since("2026-11-28T22:32:55"));
    assertEquals(Instant.parse("2026-11-28T21:32:00Z"), since("2026-11-28T22:32"));
    assertEquals(Instant.parse("2026-11-28T21:00:00Z"), since("2026-11-28T22"));
    assertEquals(Instant.parse("2026-11-27T23:00:00Z"), since("2026-11-28"));
    assertEquals(Instant.parse("2026-11-28T00:00:00Z"), since("2026-11-28Z"));
  }

  @Test
  void durationsCountBackFromNowInWholeSeconds() {
    assertEquals(Instant.parse("2026-11-28T22:22:55Z"), since("10m"));
    assertEquals(Instant.parse("2026-11-28T21:02:55Z"), since("1h30m"));
    assertEquals(Instant.parse("2026-11-28T22:32:55Z"), since("500ms"));
    assertEquals(Instant.parse("2026-11-28T22:42:55Z"), since("-10m"));
  }

  @Test
  void absentIsNull() {
    assertNull(since(null));
    assertNull(since(""));
  }

  @Test
  void badValuesNameTheParameterAndTheValue() {
    var e = assertThrows(InvalidParameterException.class, () -> LogTimeArgument.parse("until", "yesterday", NOW, ZoneOffset.UTC));
    assertEquals("invalid value for \"until\": failed to parse value as time or duration: \"yesterday\"", e.getMessage());
    var e2 = assertThrows(InvalidParameterException.class, () -> since("2026-13-01"));
    assertTrue(e2.getMessage().startsWith("invalid value for \"since\": parsing time \"2026-13-01\""), e2.getMessage());
    assertThrows(InvalidParameterException.class, () -> since("10x"));
  }

  @Test
  void goDurations() {
    assertEquals(Duration.ofMinutes(10), GoDuration.parse("10m"));
    assertEquals(Duration.ofMinutes(90), GoDuration.parse("1.5h"));
    assertEquals(Duration.ofMinutes(-90), GoDuration.parse("-1h30m"));
    assertEquals(Duration.ofNanos(1_500), GoDuration.parse("1.5µs"));
    assertEquals(Duration.ofMillis(500), GoDuration.parse(".5s"));
    assertEquals(Duration.ZERO, GoDuration.parse("0"));
    assertEquals("time: invalid duration \"\"", assertThrows(IllegalArgumentException.class, () -> GoDuration.parse("")).getMessage());
    assertEquals("time: missing unit in duration \"10\"", assertThrows(IllegalArgumentException.class, () -> GoDuration.parse("10")).getMessage());
    assertEquals("time: unknown unit \"x\" in duration \"10x\"", assertThrows(IllegalArgumentException.class, () -> GoDuration.parse("10x")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> GoDuration.parse(".s"));
  }
}
