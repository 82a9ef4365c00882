package io.jdocker.daemon.container;

import java.time.Duration;
import java.time.Instant;

/** The {@code Status} column of {@code ps}, worded as dockerd's {@code State.String()}. */
public final class StatusText {
  private StatusText() {}

  public static String of(ContainerState s, Instant now) {
    return switch (s.status()) {
      case RUNNING -> "Up " + since(s.startedAt(), now);
      case PAUSED -> "Up " + since(s.startedAt(), now) + " (Paused)";
      case RESTARTING -> "Restarting (" + s.exitCode() + ") " + since(s.finishedAt(), now) + " ago";
      case REMOVING -> "Removal In Progress";
      case DEAD -> "Dead";
      case CREATED -> "Created";
      case EXITED -> s.startedAt() == null ? "Created"
          : s.finishedAt() == null ? "" : "Exited (" + s.exitCode() + ") " + since(s.finishedAt(), now) + " ago";
    };
  }

  private static String since(Instant t, Instant now) {
    Duration d = t == null ? Duration.ZERO : Duration.between(t, now);
    return HumanDuration.of(d.isNegative() ? Duration.ZERO : d);
  }
}
