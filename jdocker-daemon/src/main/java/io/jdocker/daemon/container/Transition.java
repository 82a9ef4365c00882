package io.jdocker.daemon.container;

import java.time.Instant;

/**
 * Everything that moves a container between states. Requests ({@link StopRequest},
 * {@link Signal}, {@link Pause}, {@link Remove}...) and runtime facts ({@link Started},
 * {@link Exited}...) all go through {@link ContainerState#transition}, which refuses illegal
 * moves with Docker's errors.
 */
public sealed interface Transition {
  /** The init process runs (host PID and its start time from /proc/PID/stat field 22). */
  record Started(long pid, long pidStartTime, Instant at, boolean byRestartPolicy) implements Transition {}

  /** Starting failed before the command ran (exec error, bad user...): Docker's 126/127/128 codes. */
  record StartFailed(int exitCode, String error, Instant at) implements Transition {}

  /** The init process ended. */
  record Exited(int exitCode, boolean oomKilled, Instant at) implements Transition {}

  /** The process ended and the restart policy will start it again. */
  record RestartPending(int exitCode, boolean oomKilled, Instant at) implements Transition {}

  /** {@code stop}: only checks and marks the container manually stopped; {@link Exited} follows. */
  record StopRequest() implements Transition {}

  /** {@code kill}: a signal is about to be sent; {@code stopping} marks it manually stopped. */
  record Signal(boolean stopping) implements Transition {}

  record Pause() implements Transition {}

  record Unpause() implements Transition {}

  /** {@code rm}: the container enters "removing"; with {@code force} even when running. */
  record Remove(boolean force) implements Transition {}

  /** Clean-up failed half-way: Docker marks such a container dead. */
  record RemovalFailed(String error) implements Transition {}
}
