package io.jdocker.daemon.engine.containers;

import java.time.Duration;

/**
 * Docker's restart manager delay: 100 ms before the first restart, doubling after each one up to
 * a minute, and back to 100 ms once the container has run for 10 seconds.
 */
final class RestartBackoff {
  static final Duration INITIAL = Duration.ofMillis(100);
  static final Duration MAX = Duration.ofMinutes(1);
  static final Duration RESET_AFTER = Duration.ofSeconds(10);

  private Duration current = Duration.ZERO;

  /** The delay before restarting a container that just ran for {@code ranFor}. */
  synchronized Duration next(Duration ranFor) {
    if (ranFor.compareTo(RESET_AFTER) >= 0 || current.isZero()) {
      current = INITIAL;
    } else {
      current = current.multipliedBy(2);
      if (current.compareTo(MAX) > 0) {
        current = MAX;
      }
    }
    return current;
  }
}
