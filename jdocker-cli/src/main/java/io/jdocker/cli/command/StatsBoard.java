package io.jdocker.cli.command;

import io.jdocker.cli.client.ApiClient;
import io.jdocker.cli.model.StatsEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The containers {@code docker stats} shows, in the order they were added, each followed by its
 * own {@link StatsCollector}. Containers may come and go while it is drawn (container events);
 * any thread may add or remove.
 */
final class StatsBoard implements AutoCloseable {
  /** How long a wait for first samples sleeps between looks at the two-second timeouts. */
  private static final long RECHECK_MILLIS = 100;

  private final boolean streaming;
  private final Supplier<ApiClient> connections;
  private final List<StatsCollector> collectors = new ArrayList<>();
  private boolean closed;

  /** {@code connections} gives each collector a client of its own (stats requests run side by side). */
  StatsBoard(boolean streaming, Supplier<ApiClient> connections) {
    this.streaming = streaming;
    this.connections = connections;
  }

  /** Starts following {@code container}; false when it is already on the board. */
  boolean add(String container) {
    StatsCollector collector;
    synchronized (this) {
      if (closed || find(container) != null) {
        return false;
      }
      collector = new StatsCollector(container, streaming, connections.get(), this::changed);
      collectors.add(collector);
    }
    collector.start();
    return true;
  }

  void remove(String container) {
    StatsCollector gone;
    synchronized (this) {
      gone = find(container);
      collectors.remove(gone);
    }
    if (gone != null) {
      gone.close();
    }
  }

  private StatsCollector find(String container) {
    return collectors.stream().filter(c -> c.container().equals(container)).findFirst().orElse(null);
  }

  private synchronized List<StatsCollector> collectors() {
    return List.copyOf(collectors);
  }

  /** Blocks until every container on the board has its first sample, an error or its timeout (docker's waitFirst). */
  synchronized void awaitFirstSamples() throws InterruptedException {
    while (!collectors.stream().allMatch(c -> c.answered(System.nanoTime()))) {
      wait(RECHECK_MILLIS);
    }
  }

  private synchronized void changed() {
    notifyAll();
  }

  /** The rows to draw now. */
  List<StatsEntry> entries() {
    long now = System.nanoTime();
    return collectors().stream().map(c -> c.snapshot(now)).toList();
  }

  /** The containers' errors, in order ("Error response from daemon: No such container: x"). */
  List<String> errors() {
    long now = System.nanoTime();
    return collectors().stream().map(c -> c.error(now)).filter(Objects::nonNull).toList();
  }

  @Override
  public void close() {
    List<StatsCollector> all;
    synchronized (this) {
      closed = true;
      all = List.copyOf(collectors);
    }
    all.forEach(StatsCollector::close);
  }
}
