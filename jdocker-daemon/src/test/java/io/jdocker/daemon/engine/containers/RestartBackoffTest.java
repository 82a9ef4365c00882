package io.jdocker.daemon.engine.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartBackoffTest {
  @Test
  void doublesFrom100msUpToAMinuteAndResetsAfterTenSecondsOfRunning() {
    RestartBackoff b = new RestartBackoff();
    Duration quick = Duration.ofMillis(5);
    assertEquals(Duration.ofMillis(100), b.next(quick));
    assertEquals(Duration.ofMillis(200), b.next(quick));
    assertEquals(Duration.ofMillis(400), b.next(quick));
    for (int i = 0; i < 20; i++) {
      b.next(quick);
    }
    assertEquals(Duration.ofMinutes(1), b.next(quick));
    assertEquals(Duration.ofMillis(100), b.next(Duration.ofSeconds(10)));
    assertEquals(Duration.ofMillis(200), b.next(quick));
  }
}
