package io.jdocker.image.registry;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressThrottleTest {
  private static final long KIB = 1024;
  private static final long MS = 1_000_000;

  @Test
  void reportsEvery512KibAtMostTenTimesASecondAndAlwaysTheEnd() {
    AtomicLong now = new AtomicLong(5_000 * MS);
    ProgressThrottle throttle = new ProgressThrottle(now::get);
    long total = 4096 * KIB;

    assertFalse(throttle.due(100 * KIB, total));
    assertFalse(throttle.due(511 * KIB, total));
    assertTrue(throttle.due(512 * KIB, total));
    now.addAndGet(50 * MS);
    assertFalse(throttle.due(1100 * KIB, total), "512 KiB more but only 50 ms later");
    now.addAndGet(50 * MS);
    assertTrue(throttle.due(1200 * KIB, total));
    now.addAndGet(500 * MS);
    assertFalse(throttle.due(1300 * KIB, total), "a second later but only 100 KiB more");
    assertTrue(throttle.due(total, total), "the end is always reported");
    assertFalse(throttle.due(total, total), "but only once");
  }

  @Test
  void smallTransferReportsOnlyItsEnd() {
    ProgressThrottle throttle = new ProgressThrottle(() -> 0);
    assertFalse(throttle.due(10, 300));
    assertFalse(throttle.due(200, 300));
    assertTrue(throttle.due(300, 300));
  }

  @Test
  void unknownTotalReportsByBytesAlone() {
    AtomicLong now = new AtomicLong();
    ProgressThrottle throttle = new ProgressThrottle(now::get);
    assertFalse(throttle.due(100 * KIB, -1));
    assertTrue(throttle.due(600 * KIB, -1));
  }
}
