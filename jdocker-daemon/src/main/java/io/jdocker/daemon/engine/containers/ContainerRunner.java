package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.container.Container;
import io.jdocker.daemon.container.ContainerId;
import io.jdocker.daemon.container.ContainerStatus;
import io.jdocker.daemon.container.RestartPolicies;
import io.jdocker.daemon.container.Signals;
import io.jdocker.daemon.container.Transition;
import io.jdocker.daemon.logs.JsonFileLogWriter;
import io.jdocker.daemon.logs.LogConfig;
import io.jdocker.daemon.logs.LogFiles;
import io.jdocker.daemon.logs.StdStream;
import io.jdocker.daemon.runtime.ExitStatus;
import io.jdocker.daemon.runtime.StartFailure;
import io.jdocker.errdefs.ConflictException;
import io.jdocker.errdefs.EngineException;
import io.jdocker.errdefs.UnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import io.jdocker.daemon.logs.LogSubscriber;
import io.jdocker.daemon.logs.LogSubscription;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts containers and handles their exits: logging, state, {@code die} events, waiters, restart
 * policies with Docker's backoff, and {@code --rm}. State changes happen under the container's lock;
 * blocking work (waiting for the process, draining its output) happens outside it.
 */
final class ContainerRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ContainerRunner.class);

  /**
   * A blocking read of a FIFO pins a virtual thread's carrier (the JDK does not compensate for it),
   * so a few idle containers would starve every virtual thread: output pumps get platform threads.
   */
  private static final java.util.concurrent.ThreadFactory PUMP_THREADS =
      Thread.ofPlatform().daemon().stackSize(256 * 1024).factory();

  private final Engine engine;
  private final Map<ContainerId, ContainerRun> runs = new ConcurrentHashMap<>();
  private final Map<ContainerId, RestartBackoff> backoffs = new ConcurrentHashMap<>();
  private final Map<ContainerId, ScheduledFuture<?>> pendingRestarts = new ConcurrentHashMap<>();
  private final Map<ContainerId, List<PendingAttach>> pendingAttaches = new ConcurrentHashMap<>();
  private final Map<ContainerId, List<CompletableFuture<ContainerStdin>>> pendingStdins = new ConcurrentHashMap<>();
  private final ExecutorService exits = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().daemon().name("container-restart").factory());
  private volatile Consumer<ContainerId> autoRemove = id -> { };

  ContainerRunner(Engine engine) {
    this.engine = engine;
  }

  /** Who removes {@code --rm} containers once they have exited. */
  void onAutoRemove(Consumer<ContainerId> remover) {
    this.autoRemove = remover;
  }

  Optional<ContainerRun> run(ContainerId id) {
    return Optional.ofNullable(runs.get(id));
  }

  /** docker start: 304 when running; a command that cannot run leaves the container exited with 126/127/128. */
  void start(ContainerId id, boolean byRestartPolicy) {
    engine.locks().run(id, () -> startLocked(id, byRestartPolicy));
  }

  private void startLocked(ContainerId id, boolean byRestartPolicy) {
    Container c = engine.current(id);
    c.transition(new Transition.Started(0, 0, Instant.now(), byRestartPolicy)); // refuses what may not start
    cancelPendingRestart(id);
    JsonFileLogWriter log = openLog(c);
    LiveProcess process;
    try {
      process = engine.runtime().start(c);
    } catch (EngineException e) {
      closeQuietly(log);
      endPendingAttaches(id);
      if (e instanceof StartFailure failure) {
        engine.commit(c.transition(new Transition.StartFailed(failure.exitCode(), e.getMessage(), Instant.now())));
        if (c.state().status() == ContainerStatus.RESTARTING) {
          engine.waiters().exited(id, failure.exitCode());
        }
        if (c.hostConfig().autoRemove()) {
          exits.execute(() -> autoRemove.accept(id)); // as dockerd: a --rm container that cannot start goes
        }
      }
      throw e;
    }
    Container started = engine.commit(c.transition(
        new Transition.Started(process.pid(), process.startTime(), process.startedAt(), byRestartPolicy)));
    follow(started, process, log);
    engine.events().publish(started, "start");
  }

  /** Takes over a live process after a daemon restart: its output goes on into the same log. */
  void adopted(Container c, LiveProcess process) {
    follow(c, process, openLog(c));
  }

  private void follow(Container c, LiveProcess process, JsonFileLogWriter log) {
    OutputBroadcaster output = new OutputBroadcaster();
    ContainerStdin stdin = process.stdin() == null || !c.config().openStdin() ? null
        : new ContainerStdin(process.stdin(), c.config().tty(), c.config().stdinOnce());
    List<PendingAttach> waiting = pendingAttaches.remove(c.id());
    if (waiting != null) {
      waiting.forEach(p -> p.attachTo(output));
    }
    if (c.config().tty()) {
      log.copyTty(output.tee(StdStream.STDOUT, process.stdout()));
    } else {
      log.copy(StdStream.STDOUT, output.tee(StdStream.STDOUT, process.stdout()));
      log.copy(StdStream.STDERR, output.tee(StdStream.STDERR, process.stderr()));
    }
    ContainerRun run = new ContainerRun(process, log, output, stdin);
    runs.put(c.id(), run);
    List<CompletableFuture<ContainerStdin>> stdinWaiting = pendingStdins.remove(c.id());
    if (stdinWaiting != null) {
      stdinWaiting.forEach(f -> f.complete(stdin));
    }
    process.onExit().thenAcceptAsync(status -> exited(c.id(), run, status), exits);
  }

  private JsonFileLogWriter openLog(Container c) {
    try {
      LogConfig config = LogConfig.fromOptions(c.hostConfig().logConfig().config());
      return JsonFileLogWriter.open(new LogFiles(engine.states().layout().containerDir(c.id()), c.id().value()), config,
          java.time.InstantSource.system(), PUMP_THREADS);
    } catch (IOException e) {
      throw new UnavailableException("cannot open the log of container " + c.id() + ": " + e.getMessage(), e);
    }
  }

  private void exited(ContainerId id, ContainerRun run, ExitStatus status) {
    boolean[] remove = {false};
    try {
      closeQuietly(run.log()); // returns once both streams reached EOF and were written
      run.output().close();
      if (run.stdin() != null) {
        run.stdin().close();
      }
      run.process().release();
      engine.locks().run(id, () -> remove[0] = recordExit(id, run, status));
    } catch (RuntimeException e) {
      LOG.error("container {}: handling its exit failed", id, e);
    } finally {
      run.exitHandled().complete(null);
    }
    if (remove[0]) {
      autoRemove.accept(id);
    }
  }

  /** @return whether the container is to be removed now (--rm) */
  private boolean recordExit(ContainerId id, ContainerRun run, ExitStatus status) {
    runs.remove(id, run);
    Optional<Container> found = engine.store().byId(id);
    if (found.isEmpty()) {
      return false;
    }
    Container c = found.get();
    boolean removing = c.state().status() == ContainerStatus.REMOVING;
    boolean restart = !removing && RestartPolicies.shouldRestart(c.hostConfig().restartPolicy(), status.exitCode(),
        c.state().restartCount(), c.state().manuallyStopped());
    Instant at = status.finishedAt();
    Container next = engine.commit(c.transition(restart
        ? new Transition.RestartPending(status.exitCode(), status.oomKilled(), at)
        : new Transition.Exited(status.exitCode(), status.oomKilled(), at)));
    if (status.oomKilled()) {
      engine.events().publish(next, "oom");
    }
    Duration ran = Duration.between(run.process().startedAt(), at);
    engine.events().publish(next, "die", Map.of("exitCode", Integer.toString(status.exitCode()),
        "execDuration", Long.toString(Math.max(0, ran.toSeconds()))));
    engine.waiters().exited(id, status.exitCode());
    if (restart) {
      Duration delay = backoffs.computeIfAbsent(id, k -> new RestartBackoff()).next(ran);
      pendingRestarts.put(id, timer.schedule(() -> exits.execute(() -> restartByPolicy(id)),
          delay.toMillis(), TimeUnit.MILLISECONDS));
    }
    return !restart && !removing && c.hostConfig().autoRemove();
  }

  private void restartByPolicy(ContainerId id) {
    pendingRestarts.remove(id);
    try {
      engine.locks().run(id, () -> {
        Optional<Container> c = engine.store().byId(id);
        if (c.isPresent() && c.get().state().status() == ContainerStatus.RESTARTING) {
          startLocked(id, true);
        }
      });
    } catch (RuntimeException e) {
      LOG.warn("container {}: restart by policy failed: {}", id, e.getMessage());
    }
  }

  /** Stops a pending policy restart; true if there was one. Call with the container's lock held. */
  boolean cancelPendingRestart(ContainerId id) {
    ScheduledFuture<?> pending = pendingRestarts.remove(id);
    return pending != null && pending.cancel(false);
  }

  /**
   * docker stop: the stop signal, then SIGKILL after the timeout; returns once the exit is handled.
   * 304 when not running.
   */
  void stop(ContainerId id, Integer timeoutSeconds, String signal) throws InterruptedException {
    ContainerRun run = engine.locks().with(id, () -> {
      Container c = engine.current(id);
      Container next = engine.commit(c.transition(new Transition.StopRequest()));
      if (next.state().status() == ContainerStatus.RESTARTING || !runs.containsKey(id)) {
        endWithoutProcess(next);
        return null;
      }
      return runs.get(id);
    });
    if (run == null) {
      engine.events().publish(engine.current(id), "stop");
      return;
    }
    Container c = engine.current(id);
    int sig = signal == null || signal.isEmpty() ? Signals.stopSignal(c.config().stopSignal()) : Signals.parse(signal);
    int timeout = timeoutSeconds != null ? timeoutSeconds
        : c.config().stopTimeout() != null ? c.config().stopTimeout() : 10;
    engine.events().publish(c, "kill", Map.of("signal", Integer.toString(sig)));
    try {
      run.process().stop(timeout < 0 ? Duration.ofSeconds(-1) : Duration.ofSeconds(timeout), sig);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    run.exitHandled().join();
    engine.store().byId(id).ifPresent(stopped -> engine.events().publish(stopped, "stop"));
  }

  /**
   * Delivers the container's output to {@code subscriber}: the current run's if it runs (call with
   * the container's lock held), else the next run's from its first byte (docker run attaches
   * before it starts the container).
   */
  LogSubscription attach(ContainerId id, LogSubscriber subscriber) {
    ContainerRun run = runs.get(id);
    if (run != null) {
      return run.output().subscribe(subscriber);
    }
    PendingAttach pending = new PendingAttach(subscriber, () -> {
      List<PendingAttach> list = pendingAttaches.get(id);
      if (list != null) {
        list.removeIf(p -> p.subscriber() == subscriber);
      }
    });
    pendingAttaches.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(pending);
    return pending;
  }

  /**
   * The stdin of the current run (call with the container's lock held), else of the next one
   * once it starts; see {@link StdinCopy}.
   */
  StdinCopy stdin(ContainerId id) {
    ContainerRun run = runs.get(id);
    if (run != null) {
      return new StdinCopy(CompletableFuture.completedFuture(run.stdin()));
    }
    CompletableFuture<ContainerStdin> next = new CompletableFuture<>();
    pendingStdins.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(next);
    return new StdinCopy(next);
  }

  /** docker resize: 409 unless running; nothing for a container without a terminal. */
  void resize(ContainerId id, int height, int width) {
    ContainerRun run = runs.get(id);
    if (run == null) {
      throw new ConflictException("Container " + id + " is not running");
    }
    try {
      run.process().resize(height, width);
    } catch (IOException e) {
      throw new UnavailableException("cannot resize the terminal of " + id + ": " + e.getMessage(), e);
    }
  }

  /** The run attaches were waiting for will not happen (the start failed): they end. */
  void endPendingAttaches(ContainerId id) {
    List<PendingAttach> waiting = pendingAttaches.remove(id);
    if (waiting != null) {
      waiting.forEach(p -> p.subscriber().onClose());
    }
    List<CompletableFuture<ContainerStdin>> stdinWaiting = pendingStdins.remove(id);
    if (stdinWaiting != null) {
      stdinWaiting.forEach(f -> f.complete(null));
    }
  }

  /** A restarting container has no process: stopping it just cancels the restart. */
  private void endWithoutProcess(Container c) {
    cancelPendingRestart(c.id());
    Container exited = engine.commit(c.transition(
        new Transition.Exited(c.state().exitCode(), c.state().oomKilled(), Instant.now())));
    engine.waiters().exited(c.id(), exited.state().exitCode());
  }

  /** docker kill: 409 when not running; with SIGKILL returns once the exit is handled. */
  void kill(ContainerId id, String signal) throws InterruptedException {
    int sig = signal == null || signal.isEmpty() ? Signals.SIGKILL : Signals.parse(signal);
    ContainerRun run = engine.locks().with(id, () -> {
      Container c = engine.current(id);
      boolean stopping = sig == Signals.SIGKILL || sig == Signals.stopSignal(c.config().stopSignal());
      Container next = c.transition(new Transition.Signal(stopping));
      if (next != c) {
        engine.commit(next);
      }
      if (next.state().status() == ContainerStatus.RESTARTING) {
        endWithoutProcess(next);
        return null;
      }
      ContainerRun r = runs.get(id);
      if (r == null) {
        throw new ConflictException("Container " + id + " is not running");
      }
      return r;
    });
    if (run == null) {
      return;
    }
    try {
      run.process().kill(sig);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    engine.events().publish(engine.current(id), "kill", Map.of("signal", Integer.toString(sig)));
    if (sig == Signals.SIGKILL) {
      run.exitHandled().join();
    }
  }

  void pause(ContainerId id, boolean pause) {
    engine.locks().run(id, () -> {
      Container c = engine.current(id);
      Container next = c.transition(pause ? new Transition.Pause() : new Transition.Unpause());
      ContainerRun run = runs.get(id);
      if (run == null) {
        throw new ConflictException("Container " + id + " is not running");
      }
      try {
        if (pause) {
          run.process().pause();
        } else {
          run.process().unpause();
        }
      } catch (IOException e) {
        throw new UnavailableException("cannot " + (pause ? "pause" : "unpause") + " container " + id + ": "
            + e.getMessage(), e);
      }
      engine.events().publish(engine.commit(next), pause ? "pause" : "unpause");
    });
  }

  private static void closeQuietly(JsonFileLogWriter log) {
    try {
      log.close();
    } catch (IOException e) {
      LOG.warn("closing a container log failed: {}", e.toString());
    }
  }

  /**
   * Lets exit handlers that are already running finish saving state (briefly) before returning:
   * nothing may write under the data root after the engine is closed.
   */
  @Override
  public void close() {
    timer.shutdownNow();
    exits.shutdown();
    try {
      if (!exits.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS)) {
        exits.shutdownNow();
      }
    } catch (InterruptedException e) {
      exits.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
