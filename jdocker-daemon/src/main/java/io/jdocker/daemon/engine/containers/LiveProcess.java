package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.runtime.ExitStatus;
import io.jdocker.daemon.runtime.TopResult;
import io.jdocker.linux.cgroup.CgroupStats;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A container's running PID 1, started or adopted by a {@link ProcessRuntime}. */
public interface LiveProcess {
  long pid();

  /** /proc start time of {@link #pid()}, persisted to recognise the process after a restart. */
  long startTime();

  Instant startedAt();

  /** Completes once the process has exited and its cgroup is gone; never exceptionally. */
  CompletableFuture<ExitStatus> onExit();

  void kill(int signal) throws IOException;

  /** Sends {@code signal}, waits up to {@code timeout} (negative: forever), then SIGKILL. */
  ExitStatus stop(Duration timeout, int signal) throws IOException, InterruptedException;

  void pause() throws IOException;

  void unpause() throws IOException;

  TopResult top() throws IOException;

  /** docker top with {@code ps} options ("" for Docker's default, {@code -ef}). */
  default TopResult top(String psArgs) throws IOException {
    if (psArgs == null || psArgs.isBlank()) {
      return top();
    }
    throw new io.jdocker.errdefs.InvalidParameterException("ps options are not supported by this runtime");
  }

  /** The container's stdout; ends once the container has exited. */
  InputStream stdout();

  InputStream stderr();

  /** Where the container's stdin is written (FIFO or terminal); null unless OpenStdin or TTY. */
  default java.io.OutputStream stdin() {
    return null;
  }

  /** Resizes the container's terminal; nothing without one. */
  default void resize(int height, int width) throws IOException {}

  /** A reading of the container's cgroup counters (docker stats); empty once its cgroup is gone. */
  default Optional<CgroupStats> cgroupStats() throws IOException {
    return Optional.empty();
  }

  /** Frees what the daemon held for this run (its terminal); called once its exit is handled. */
  default void release() {}
}
