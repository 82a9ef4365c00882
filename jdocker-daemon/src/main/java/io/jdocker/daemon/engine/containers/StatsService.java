package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.api.containers.ContainerStatsResponse;
import io.jdocker.daemon.api.containers.StatsBackend;
import io.jdocker.daemon.container.Container;
import io.jdocker.daemon.container.ContainerStatus;
import java.nio.file.Path;
import java.time.Duration;

/**
 * docker stats: samples of a running container's cgroup, /proc/stat and network counters, one
 * per second like dockerd's collector. Each request samples on its own thread; nothing is
 * collected while nobody asks.
 */
public final class StatsService implements StatsBackend {
  static final Duration INTERVAL = Duration.ofSeconds(1);

  private final Engine engine;
  private final ContainerRunner runner;
  private final StatsSampler sampler;
  private final Duration interval;

  StatsService(Engine engine, ContainerRunner runner) {
    this(engine, runner, new StatsSampler(Path.of("/proc")), INTERVAL);
  }

  private StatsService(Engine engine, ContainerRunner runner, StatsSampler sampler, Duration interval) {
    this.engine = engine;
    this.runner = runner;
    this.sampler = sampler;
    this.interval = interval;
  }

  /** The same service reading another /proc at another pace (tests). */
  StatsService with(Path procRoot, Duration pace) {
    return new StatsService(engine, runner, new StatsSampler(procRoot), pace);
  }

  @Override
  public ContainerStatsResponse stats(String id, boolean oneShot) throws InterruptedException {
    Container c = engine.store().get(id);
    try (StatsCursor samples = open(c)) {
      ContainerStatsResponse first = samples.next();
      // dockerd takes a second sample so precpu_stats is filled, unless told not to or not running.
      boolean second = !oneShot && first != null && first.read() != null;
      ContainerStatsResponse answer = second ? samples.next() : first;
      return answer != null ? answer : ContainerStatsResponse.empty(c.displayName(), c.id().value());
    }
  }

  @Override
  public Samples stream(String id) {
    return open(engine.store().get(id));
  }

  private StatsCursor open(Container c) {
    return new StatsCursor(() -> engine.store().byId(c.id()).orElse(null), liveProcess(c), sampler, interval);
  }

  /** The container's PID 1, or null when it is not running (a restarting container has none). */
  private LiveProcess liveProcess(Container c) {
    if (!c.state().isRunning() || c.state().status() == ContainerStatus.RESTARTING) {
      return null;
    }
    return runner.run(c.id()).map(ContainerRun::process).filter(p -> !p.onExit().isDone()).orElse(null);
  }
}
