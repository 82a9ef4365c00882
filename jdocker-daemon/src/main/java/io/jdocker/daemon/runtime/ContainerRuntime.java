package io.jdocker.daemon.runtime;

import io.jdocker.errdefs.ConflictException;
import io.jdocker.linux.mount.Mounts;
import io.jdocker.linux.process.ContainerStartException;
import io.jdocker.linux.process.ProcStat;
import io.jdocker.linux.process.RunningInit;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns "start this container" into a running PID 1 and back: cgroup, network files, tmpfs,
 * jdocker-init, and the cleanup when it ends. Knows nothing about HTTP or the container model.
 *
 * <p>Start order: write the network files, mount the tmpfs sources, create the cgroup with its
 * limits, launch jdocker-init (PID 1 waits), move PID 1 into the cgroup, bring up its network,
 * release it. Every step is undone if a later one fails, so a failed start leaves no cgroup,
 * mount or process.
 */
public final class ContainerRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ContainerRuntime.class);

  private final RuntimeOptions options;
  private final Mounts mounts;
  private final SpecBuilder specs;
  private final Map<String, RunningContainer> running = new ConcurrentHashMap<>();
  private final Set<String> starting = ConcurrentHashMap.newKeySet();
  private final ExecutorService cleanup = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().daemon().name("jdocker-adopted-exit").factory());

  public ContainerRuntime(RuntimeOptions options) {
    this.options = options;
    this.mounts = new Mounts(options.mountSyscalls());
    this.specs = new SpecBuilder(options.files(), options.dockerInit());
  }

  /**
   * Starts the container and returns once its command runs.
   *
   * @throws CommandNotRunnableException the command is missing (127) or not executable (126)
   * @throws ContainerSetupException anything else failed before the command ran (128)
   * @throws ConflictException the runtime already runs a container with this ID
   */
  public RunningContainer start(RuntimeConfig config) {
    if (running.containsKey(config.id()) || !starting.add(config.id())) {
      throw new ConflictException("Container " + config.id() + " is already running");
    }
    try {
      return startNew(config);
    } finally {
      starting.remove(config.id());
    }
  }

  private RunningContainer startNew(RuntimeConfig config) {
    Undo undo = new Undo();
    try {
      SpecBuilder.Prepared prepared = specs.prepare(config);
      for (SpecBuilder.TmpfsSource t : prepared.tmpfs()) {
        TmpfsMountOptions o = TmpfsMountOptions.of(t.spec());
        options.mountSyscalls().mount("tmpfs", t.source().toString(), "tmpfs", o.flags(), o.data());
        undo.push(() -> mounts.detach(t.source()));
      }
      ContainerCgroup cgroup = cgroup(config.id());
      undo.push(() -> cgroup.manager().destroy());
      cgroup.create(CgroupLimits.of(config.resources()));
      RunningInit init = options.launcher().start(prepared.spec());
      undo.push(() -> {
        init.abort();
        init.waitFor();
      });
      cgroup.manager().addProcess(init.pid());
      options.network().configure(config.id(), init.pid(), config.network());
      init.release();
      // PID 1 now holds its own clones of the tmpfs mounts; the host's copies can go.
      for (SpecBuilder.TmpfsSource t : prepared.tmpfs()) {
        detachQuietly(t.source());
      }
      RunningContainer container = new RunningContainer(config.id(), new ChildProcess(init), cgroup, Instant.now(),
          false, false, cleanup, this::unregister);
      running.put(config.id(), container);
      container.watch();
      return container;
    } catch (ContainerStartException e) {
      undo.runAll(e);
      if (e.exitCode() == 126 || e.exitCode() == 127) {
        throw new CommandNotRunnableException(e.exitCode(), e.getMessage(), e);
      }
      throw new ContainerSetupException(e.exitCode(), e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      undo.runAll(e);
      if (e instanceof RuntimeException r && !(r instanceof IllegalArgumentException)) {
        throw r;
      }
      throw new ContainerSetupException(ContainerSetupException.SETUP_FAILED, e.getMessage(), e);
    }
  }

  /**
   * Takes over a container started before a daemon restart, identified by its PID 1 and that
   * process's start time. Empty if it is gone (its leftover cgroup is then removed when empty).
   */
  public Optional<RunningContainer> adopt(String id, int pid, long startTime) throws IOException {
    return adopt(id, null, pid, startTime);
  }

  /**
   * As {@link #adopt(String, int, long)}; with {@code containerDir} (as given to {@link #start}) the
   * exit code jdocker-init records there is reported instead of {@link ExitStatus#UNKNOWN_EXIT_CODE}.
   */
  public Optional<RunningContainer> adopt(String id, Path containerDir, int pid, long startTime)
      throws IOException {
    ContainerCgroup cgroup = cgroup(id);
    if (!ProcStat.isSameProcess(pid, startTime) || ProcInfo.isZombie(pid)) {
      releaseLeftovers(id);
      return Optional.empty();
    }
    AdoptedProcess process = new AdoptedProcess(pid, startTime,
        containerDir == null ? null : containerDir.resolve(SpecBuilder.EXIT_FILE), options.signaller(), poller);
    Instant startedAt = ProcessTable.host().startedAt(startTime);
    RunningContainer container = new RunningContainer(id, process, cgroup, startedAt, true, cgroup.isFrozen(),
        cleanup, this::unregister);
    running.put(id, container);
    container.watch();
    return Optional.of(container);
  }

  /**
   * The exit code jdocker-init recorded for the last run started in {@code containerDir}: how a
   * container that ended while the daemon was down really ended.
   */
  public static java.util.OptionalInt recordedExitCode(Path containerDir) {
    return AdoptedProcess.readExitFile(containerDir.resolve(SpecBuilder.EXIT_FILE));
  }

  /** The running container with this ID, if this runtime started or adopted it. */
  public Optional<RunningContainer> running(String id) {
    return Optional.ofNullable(running.get(id));
  }

  /**
   * A container whose PID 1 ended while the daemon was down: removes its cgroup if it is empty.
   * PID 1's death kills its whole PID namespace, so live tasks here mean the recorded PID and start
   * time are wrong, not that the container ended: they are left for {@link #remove} to kill.
   */
  public void releaseLeftovers(String id) throws IOException {
    ContainerCgroup cgroup = cgroup(id);
    if (cgroup.manager().processes().isEmpty()) {
      cgroup.manager().destroy();
    } else {
      LOG.warn("container {}: its process is gone but its cgroup still has tasks", id);
    }
  }

  /**
   * Removes what is left of a stopped container: mounts below its directory, its cgroup, and the
   * directory itself (upper dir included). Refuses while it runs.
   */
  public void remove(String id, Path containerDir) throws IOException {
    if (running.containsKey(id) || starting.contains(id)) {
      throw new ConflictException("You cannot remove a running container " + id
          + ". Stop the container before attempting removal or force remove");
    }
    MountTable table = MountTable.self();
    for (Path mountPoint : table.under(containerDir)) {
      mounts.detach(mountPoint);
    }
    cgroup(id).manager().destroy();
    if (!table.under(containerDir).isEmpty()) {
      // Deleting across a mount would delete the mounted files (a host directory, say).
      throw new IOException("still mounted below " + containerDir + ": " + table.under(containerDir));
    }
    Tree.delete(containerDir);
  }

  /** True if the container's cgroup still exists somewhere (for tests and diagnostics). */
  public boolean cgroupExists(String id) throws IOException {
    return cgroup(id).exists();
  }

  public RuntimeOptions options() {
    return options;
  }

  private ContainerCgroup cgroup(String id) {
    return new ContainerCgroup(options.cgroupLayout(), options.cgroupRoot(), options.cgroupParent(), id,
        options.signaller());
  }

  private void unregister(RunningContainer container) {
    running.remove(container.id(), container);
  }

  private void detachQuietly(Path target) {
    try {
      mounts.detach(target);
    } catch (IOException e) {
      LOG.warn("cannot detach {}: {}", target, e.getMessage());
    }
  }

  /** Stops watching adopted containers; running containers keep running. */
  @Override
  public void close() {
    poller.shutdownNow();
    cleanup.close();
  }

  /** Undo actions of a start, run in reverse order when a later step fails. */
  private static final class Undo {
    private final ArrayDeque<Step> steps = new ArrayDeque<>();

    @FunctionalInterface
    interface Step {
      void run() throws Exception;
    }

    void push(Step step) {
      steps.push(step);
    }

    void runAll(Throwable primary) {
      while (!steps.isEmpty()) {
        try {
          steps.pop().run();
        } catch (Exception e) {
          primary.addSuppressed(e);
          LOG.error("cleanup after a failed start failed", e);
        }
      }
    }
  }
}
