package io.jdocker.daemon.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusTextTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @ParameterizedTest(name = "{0}s → {1}")
  @CsvSource({"0,Less than a second", "1,1 second", "5,5 seconds", "59,59 seconds", "60,About a minute",
      "119,About a minute", "120,2 minutes", "3599,59 minutes", "3600,About an hour", "5399,About an hour",
      "5400,2 hours", "169199,47 hours", "172799,2 days", "1207799,13 days", "1209600,2 weeks", "5184000,2 months",
      "63072000,2 years"})
  void humanDurations(long seconds, String text) {
    assertEquals(text, HumanDuration.of(Duration.ofSeconds(seconds)));
  }

  private static ContainerState state(ContainerStatus status, int code, Instant started, Instant finished) {
    return new ContainerState(status, 0, 0, code, false, "", started, finished, 0, false);
  }

  @Test
  void statusColumn() {
    assertEquals("Created", StatusText.of(ContainerState.created(), NOW));
    assertEquals("Up 5 seconds", StatusText.of(state(ContainerStatus.RUNNING, 0, NOW.minusSeconds(5), null), NOW));
    assertEquals("Up About a minute", StatusText.of(state(ContainerStatus.RUNNING, 0, NOW.minusSeconds(70), null), NOW));
    assertEquals("Up 3 seconds (Paused)", StatusText.of(state(ContainerStatus.PAUSED, 0, NOW.minusSeconds(3), null), NOW));
    assertEquals("Exited (137) 2 hours ago",
        StatusText.of(state(ContainerStatus.EXITED, 137, NOW.minusSeconds(9000), NOW.minusSeconds(7200)), NOW));
    assertEquals("Exited (0) Less than a second ago",
        StatusText.of(state(ContainerStatus.EXITED, 0, NOW.minusSeconds(1), NOW), NOW));
    assertEquals("Restarting (1) 2 seconds ago",
        StatusText.of(state(ContainerStatus.RESTARTING, 1, NOW.minusSeconds(9), NOW.minusSeconds(2)), NOW));
    assertEquals("Removal In Progress", StatusText.of(state(ContainerStatus.REMOVING, 0, null, null), NOW));
    assertEquals("Dead", StatusText.of(state(ContainerStatus.DEAD, 0, null, null), NOW));
    assertEquals("Up Less than a second",
        StatusText.of(state(ContainerStatus.RUNNING, 0, NOW.plusSeconds(2), null), NOW), "clock skew is not negative");
  }

  @Test
  void goTimes() {
    assertEquals("0001-01-01T00:00:00Z", GoTime.format(null));
    assertEquals("2026-03-01T12:00:00.5Z", GoTime.format(NOW.plusMillis(500)));
    assertEquals(null, GoTime.parse("0001-01-01T00:00:00Z"));
    assertEquals(NOW.plusNanos(1), GoTime.parse("2026-03-01T12:00:00.000000001Z"));
  }
}
