package io.jdocker.image.registry;

import java.util.function.LongSupplier;

/**
 * Decides which byte counts of a transfer become progress lines, as moby's progress reader does:
 * one after every 512 KiB at most ten times a second, and always the final count. A transfer of a
 * few hundred KiB therefore reports once, when it is done. One per transfer; its counts may come
 * from any thread (an upload's from the HTTP client's), one at a time.
 */
final class ProgressThrottle {
  static final long BYTES_BETWEEN = 512 * 1024;
  static final long NANOS_BETWEEN = 100_000_000L;

  private final LongSupplier nanoClock;
  private long lastBytes;
  private long lastNanos;
  private boolean reported;

  ProgressThrottle(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  static ProgressThrottle systemClock() {
    return new ProgressThrottle(System::nanoTime);
  }

  /** Whether {@code current} of {@code total} bytes should be reported now. */
  synchronized boolean due(long current, long total) {
    if (current == lastBytes && reported) {
      return false;
    }
    boolean done = total >= 0 && current >= total;
    if (!done && current - lastBytes < BYTES_BETWEEN) {
      return false;
    }
    long now = nanoClock.getAsLong();
    if (!done && reported && now - lastNanos < NANOS_BETWEEN) {
      return false;
    }
    lastBytes = current;
    lastNanos = now;
    reported = true;
    return true;
  }
}
