package io.jdocker.daemon.runtime;

import io.jdocker.errdefs.ConflictException;
import io.jdocker.linux.cgroup.CgroupStats;
import io.jdocker.linux.signal.Signal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started (or adopted) container. When PID 1 exits, the runtime reads OOMKilled from the memory
 * cgroup, removes the cgroup (killing stragglers) and only then completes {@link #onExit()}, so a
 * restart may reuse the same cgroup path at once.
 */
public final class RunningContainer {
  private static final Logger LOG = LoggerFactory.getLogger(RunningContainer.class);

  private final String id;
  private final ContainerProcess process;
  private final ContainerCgroup cgroup;
  private final Instant startedAt;
  private final boolean adopted;
  private final CompletableFuture<ExitStatus> exit = new CompletableFuture<>();
  private final Executor cleanup;
  private final Consumer<RunningContainer> whenGone;
  private boolean paused;

  RunningContainer(String id, ContainerProcess process, ContainerCgroup cgroup, Instant startedAt, boolean adopted,
      boolean paused, Executor cleanup, Consumer<RunningContainer> whenGone) {
    this.id = id;
    this.process = process;
    this.cgroup = cgroup;
    this.startedAt = startedAt;
    this.adopted = adopted;
    this.paused = paused;
    this.cleanup = cleanup;
    this.whenGone = whenGone;
  }

  /** Starts following PID 1's exit; called once the runtime has registered this container. */
  void watch() {
    process.exit()
        .handle((code, failure) -> new Exited(code == null ? ExitStatus.UNKNOWN_EXIT_CODE : code, Instant.now()))
        .thenApplyAsync(exited -> {
          ExitStatus status = finish(exited.code(), exited.at());
          // Before completing: whoever sees the exit must already find the container gone.
          whenGone.accept(this);
          return status;
        }, cleanup)
        .whenComplete((status, failure) -> exit.complete(status != null ? status
            : new ExitStatus(ExitStatus.UNKNOWN_EXIT_CODE, false, Instant.now())));
  }

  /** Taken on the thread that saw the exit, so FinishedAt does not include the cleanup. */
  private record Exited(int code, Instant at) {}

  private ExitStatus finish(int code, Instant finishedAt) {
    boolean oom = false;
    try {
      oom = cgroup.manager().oomKilled();
    } catch (IOException | RuntimeException e) {
      LOG.warn("container {}: cannot read OOM state: {}", id, e.getMessage());
    }
    try {
      cgroup.manager().destroy();
    } catch (IOException | RuntimeException e) {
      LOG.error("container {}: cannot remove its cgroup: {}", id, e.getMessage());
    }
    synchronized (this) {
      paused = false;
    }
    return new ExitStatus(oom && code == ExitStatus.UNKNOWN_EXIT_CODE ? 137 : code, oom, finishedAt);
  }

  public String id() {
    return id;
  }

  /** PID 1 as the host sees it (State.Pid). */
  public int pid() {
    return process.pid();
  }

  /** /proc start time of {@link #pid()}: persist it with the PID for {@link ContainerRuntime#adopt}. */
  public long startTime() {
    return process.startTime();
  }

  public Instant startedAt() {
    return startedAt;
  }

  /** True when taken over after a daemon restart: no stdio, and the exit code may be unknown. */
  public boolean adopted() {
    return adopted;
  }

  /** The process's stdin, stdout and stderr pipes (null if adopted or redirected elsewhere). */
  public OutputStream stdin() {
    return process.stdin();
  }

  public InputStream stdout() {
    return process.stdout();
  }

  public InputStream stderr() {
    return process.stderr();
  }

  /** Completes once the container has exited and its cgroup is gone; never completes exceptionally. */
  public CompletableFuture<ExitStatus> onExit() {
    return exit;
  }

  public boolean isRunning() {
    return !exit.isDone();
  }

  public synchronized boolean isPaused() {
    return paused;
  }

  /** Sends {@code signal} to PID 1 (docker kill). A paused container is thawed for SIGKILL. */
  public void kill(int signal) throws IOException {
    requireRunning();
    if (!process.signal(signal)) {
      throw notRunning();
    }
    if (signal == Signal.SIGKILL.number()) {
      thawIfPaused();
    }
  }

  /**
   * docker stop: sends {@code signal}, waits up to {@code timeout} (negative: forever), then
   * SIGKILL, and returns how the container ended. A paused container is thawed so it can react.
   */
  public ExitStatus stop(Duration timeout, int signal) throws IOException, InterruptedException {
    if (!isRunning()) {
      return exit.join();
    }
    process.signal(signal);
    thawIfPaused();
    try {
      if (timeout.isNegative()) {
        return exit.get();
      }
      return exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      process.signal(Signal.SIGKILL.number());
      thawIfPaused();
      return join();
    } catch (ExecutionException e) {
      throw new IOException("container " + id + " failed while stopping", e.getCause());
    }
  }

  private ExitStatus join() throws InterruptedException, IOException {
    try {
      return exit.get();
    } catch (ExecutionException e) {
      throw new IOException("container " + id + " failed while stopping", e.getCause());
    }
  }

  /** Freezes every process of the container (docker pause); returns once they are frozen. */
  public synchronized void pause() throws IOException {
    requireRunning();
    if (paused) {
      throw new ConflictException("Container " + id + " is already paused");
    }
    cgroup.freeze();
    paused = true;
  }

  public synchronized void unpause() throws IOException {
    requireRunning();
    if (!paused) {
      throw new ConflictException("Container " + id + " is not paused");
    }
    cgroup.thaw();
    paused = false;
  }

  /** The container's processes as {@code ps -ef} shows them (docker top without ps options). */
  public TopResult top() throws IOException {
    requireRunning();
    return ProcessTable.host().list(cgroup.manager().processes());
  }

  /**
   * docker top with ps options: the host's {@code ps} (dockerd's way); without options (or without
   * a {@code ps}) the /proc table, which spares a process spawn and reads only the container's PIDs.
   */
  public TopResult top(String psArgs) throws IOException {
    requireRunning();
    return ContainerTop.of(psArgs, PsTop.findPs(), cgroup.manager().processes(), ProcessTable.host());
  }

  /**
   * The container's cgroup counters (docker stats); empty once it has exited, including while
   * its cgroup is being removed.
   */
  public Optional<CgroupStats> stats() throws IOException {
    if (!isRunning()) {
      return Optional.empty();
    }
    try {
      return Optional.of(cgroup.stats());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** The container's {@code cgroup.procs} files (one per v1 hierarchy, or the v2 one): docker exec joins them. */
  public java.util.List<java.nio.file.Path> cgroupProcs() throws IOException {
    java.util.List<java.nio.file.Path> files = new java.util.ArrayList<>();
    for (java.nio.file.Path dir : cgroup.directories()) {
      java.nio.file.Path procs = dir.resolve("cgroup.procs");
      if (java.nio.file.Files.exists(procs)) {
        files.add(procs);
      }
    }
    return files;
  }

  private synchronized void thawIfPaused() throws IOException {
    if (paused) {
      cgroup.thaw();
      paused = false;
    }
  }

  private void requireRunning() {
    if (!isRunning()) {
      throw notRunning();
    }
  }

  private ConflictException notRunning() {
    return new ConflictException("Container " + id + " is not running");
  }
}
