package io.jdocker.daemon.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DockerTimeTest {
  private static Instant parse(String s) {
    byte[] b = ("xx" + s + "yy").getBytes(StandardCharsets.US_ASCII);
    return DockerTime.parseRfc3339(b, 2, b.length - 4);
  }

  @Test
  void formatsRfc3339NanoWithTrailingZerosTrimmedLikeGo() {
    assertEquals("2026-11-28T22:32:55.376503483Z", DockerTime.formatNano(Instant.parse("2026-11-28T22:32:55.376503483Z")));
    assertEquals("2026-11-28T22:32:55.3765Z", DockerTime.formatNano(Instant.parse("2026-11-28T22:32:55.376500000Z")));
    assertEquals("2026-11-28T22:32:55.00001Z", DockerTime.formatNano(Instant.parse("2026-11-28T22:32:55.000010Z")));
    assertEquals("2026-11-28T22:32:55Z", DockerTime.formatNano(Instant.parse("2026-11-28T22:32:55Z")));
    assertEquals("0001-01-02T03:04:05.1Z", DockerTime.formatNano(Instant.parse("0001-01-02T03:04:05.1Z")));
  }

  @Test
  void formatsTheFixedWidthLayoutOfLogsTimestamps() {
    assertEquals("2026-11-28T22:32:55.376500000Z", DockerTime.formatNanoFixed(Instant.parse("2026-11-28T22:32:55.3765Z")));
    assertEquals("2026-11-28T22:32:55.000000000Z", DockerTime.formatNanoFixed(Instant.parse("2026-11-28T22:32:55Z")));
  }

  @Test
  void parsesWhatItFormatsAndOtherRfc3339Forms() {
    assertEquals(Instant.parse("2026-11-28T22:32:55.376503483Z"), parse("2026-11-28T22:32:55.376503483Z"));
    assertEquals(Instant.parse("2026-11-28T22:32:55.3765Z"), parse("2026-11-28T22:32:55.3765Z"));
    assertEquals(Instant.parse("2026-11-28T22:32:55Z"), parse("2026-11-28T22:32:55Z"));
    assertEquals(Instant.parse("2026-11-28T21:32:55.5Z"), parse("2026-11-28T22:32:55.5+01:00"));
  }

  @Test
  void rejectsWhatIsNotATime() {
    assertNull(parse("2026-11-28T22:32:55"));
    assertNull(parse("2026-13-28T22:32:55Z"));
    assertNull(parse("2026-11-28T22:32:55.1234567891Z"));
    assertNull(parse("yesterday"));
  }
}
