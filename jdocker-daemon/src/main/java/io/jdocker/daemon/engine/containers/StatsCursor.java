package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.api.containers.ContainerStatsResponse;
import io.jdocker.daemon.api.containers.StatsBackend;
import io.jdocker.daemon.container.Container;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The samples of one stats request: the first at once, then one per interval, each carrying the
 * previous one's read time and CPU counters as its "pre" fields (the first has zeros there, as
 * dockerd's). Follows one run of the container and ends when it exits, or when closed; a
 * container that was not running gives one empty sample.
 */
final class StatsCursor implements StatsBackend.Samples {
  private final Supplier<Container> container;
  private final LiveProcess process;
  private final StatsSampler sampler;
  private final long intervalNanos;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private ContainerStatsResponse previous;
  private long due;
  private boolean ended;

  /**
   * @param container the container's current value (its name may change meanwhile); null once removed
   * @param process its running PID 1, or null when it is not running
   */
  StatsCursor(Supplier<Container> container, LiveProcess process, StatsSampler sampler, Duration interval) {
    this.container = container;
    this.process = process;
    this.sampler = sampler;
    this.intervalNanos = interval.toNanos();
  }

  @Override
  public synchronized ContainerStatsResponse next() throws InterruptedException {
    if (ended) {
      return null;
    }
    Container c = container.get();
    if (process == null) {
      ended = true;
      return c == null ? null : ContainerStatsResponse.empty(c.displayName(), c.id().value());
    }
    if (c == null || previous != null && !waitUntilDue()) {
      return end();
    }
    due = System.nanoTime() + intervalNanos;
    ContainerStatsResponse sample;
    try {
      sample = sampler.sample(c, process);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // A reading taken while the container exited may be half empty: it would make CPU % absurd.
    if (sample == null || stopped()) {
      return end();
    }
    ContainerStatsResponse answer = previous == null ? sample : sample.after(previous);
    previous = sample;
    return answer;
  }

  /** Waits until the next sample is due; false if the container exited or the cursor was closed meanwhile. */
  private boolean waitUntilDue() throws InterruptedException {
    try {
      CompletableFuture.anyOf(closed, process.onExit()).get(Math.max(0, due - System.nanoTime()),
          TimeUnit.NANOSECONDS);
      return false;
    } catch (TimeoutException e) {
      return !stopped();
    } catch (ExecutionException e) {
      return false;
    }
  }

  private boolean stopped() {
    return closed.isDone() || process.onExit().isDone();
  }

  private ContainerStatsResponse end() {
    ended = true;
    return null;
  }

  /** Ends the stream; a {@link #next} waiting for its time returns null at once. Any thread. */
  @Override
  public void close() {
    closed.complete(null);
  }
}
