package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.api.Filters;
import io.jdocker.daemon.api.containers.ContainerPruneResponse;
import io.jdocker.daemon.api.containers.ContainersBackend;
import io.jdocker.daemon.api.containers.FilesystemChange;
import io.jdocker.daemon.api.types.container.ContainerCreateRequest;
import io.jdocker.daemon.api.types.container.ContainerCreateResponse;
import io.jdocker.daemon.api.types.container.ContainerInspectResponse;
import io.jdocker.daemon.api.types.container.ContainerSummary;
import io.jdocker.daemon.api.types.container.ContainerTopResponse;
import io.jdocker.daemon.api.types.container.ContainerWaitResponse;
import io.jdocker.daemon.container.Container;
import io.jdocker.daemon.container.ContainerId;
import io.jdocker.daemon.container.ContainerListFilter;
import io.jdocker.daemon.container.ContainerName;
import io.jdocker.daemon.container.ContainerStore;
import io.jdocker.daemon.container.ContainerViews;
import io.jdocker.daemon.container.ProcessIdentity;
import io.jdocker.daemon.container.StateStore;
import io.jdocker.daemon.container.WaitCondition;
import io.jdocker.daemon.engine.events.EventBus;
import io.jdocker.daemon.engine.images.ContainerImageUsage;
import io.jdocker.daemon.logs.LogFiles;
import io.jdocker.daemon.logs.LogReadOptions;
import io.jdocker.daemon.logs.LogReader;
import io.jdocker.daemon.logs.LogSubscriber;
import io.jdocker.daemon.runtime.TopResult;
import io.jdocker.errdefs.ConflictException;
import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.image.ref.Digest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The container engine: implements the container API's backend on the container model, the
 * runtime and the json-file logs. Each operation's logic lives in its own class
 * ({@link ContainerCreator}, {@link ContainerRunner}, {@link ContainerRemover}, ...).
 */
public final class ContainerService implements ContainersBackend, ContainerImageUsage, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ContainerService.class);

  private final Engine engine;
  private final ImageSource images;
  private final ContainerCreator creator;
  private final ContainerRunner runner;
  private final ContainerRemover remover;
  private final ContainerRestorer restorer;
  private final ExecService execs;
  private final ArchiveService archives;
  private final StatsService stats;

  /**
   * @param images null until the image engine is open (it needs this service to answer rmi); see
   *     {@link #useImages}
   */
  public ContainerService(StateStore states, ProcessRuntime runtime, EventBus events, int cpus, boolean cgroupV2,
      Supplier<String> hostHostname, ProcessIdentity identity) {
    this.engine = new Engine(new ContainerStore(), states, new ContainerLocks(), new ContainerEvents(events),
        new ExitWaiters(), runtime);
    this.images = new LateImages();
    this.creator = new ContainerCreator(engine, images, cpus, cgroupV2, hostHostname);
    this.runner = new ContainerRunner(engine);
    this.remover = new ContainerRemover(engine, runner);
    this.runner.onAutoRemove(remover::autoRemove);
    this.restorer = new ContainerRestorer(engine, runner, remover, identity);
    this.execs = new ExecService(engine, runner);
    this.remover.onRemoved(execs::forget);
    this.archives = new ArchiveService(engine, runner);
    this.stats = new StatsService(engine, runner);
  }

  /** docker exec's backend. */
  public ExecService execs() {
    return execs;
  }

  /** docker cp's backend. */
  public ArchiveService archives() {
    return archives;
  }

  /** docker stats' backend. */
  public StatsService stats() {
    return stats;
  }

  /** docker commit's backend; {@code engineVersion} is written into the images as {@code docker_version}. */
  public CommitService commits(String engineVersion) {
    return new CommitService(engine, runner, images, engineVersion);
  }

  /** The images containers come from (set once, right after the image engine opened). */
  public void useImages(ImageSource source) {
    ((LateImages) images).use(source);
  }

  /** Loads the saved containers, adopts live ones, then starts what restart policies ask for. */
  public void restore() {
    for (Container c : restorer.restore()) {
      Thread.ofVirtual().name("boot-start-" + c.id().shortId()).start(() -> {
        try {
          runner.start(c.id(), false);
        } catch (RuntimeException e) {
          LOG.warn("container {}: start by restart policy at boot failed: {}", c.id(), e.getMessage());
        }
      });
    }
  }

  private ContainerId resolve(String idOrName) {
    return engine.store().get(idOrName).id();
  }

  @Override
  public ContainerCreateResponse create(String name, ContainerCreateRequest request) {
    return creator.create(name, request);
  }

  @Override
  public void start(String id) {
    runner.start(resolve(id), false);
  }

  @Override
  public void stop(String id, Integer timeoutSeconds, String signal) throws InterruptedException {
    runner.stop(resolve(id), timeoutSeconds, signal);
  }

  @Override
  public void restart(String id, Integer timeoutSeconds, String signal) throws InterruptedException {
    ContainerId cid = resolve(id);
    if (engine.current(cid).state().isRunning()) {
      try {
        runner.stop(cid, timeoutSeconds, signal);
      } catch (io.jdocker.errdefs.NotModifiedException e) {
        // stopped meanwhile
      }
    }
    runner.start(cid, false);
    engine.events().publish(engine.current(cid), "restart");
  }

  @Override
  public void kill(String id, String signal) throws InterruptedException {
    runner.kill(resolve(id), signal);
  }

  @Override
  public CompletableFuture<ContainerWaitResponse> wait(String id, WaitCondition condition) {
    ContainerId cid = resolve(id);
    return engine.locks().with(cid, () -> {
      Container c = engine.current(cid);
      if (condition == WaitCondition.NOT_RUNNING && !c.state().isRunning()) {
        return CompletableFuture.completedFuture(ContainerWaitResponse.exited(c.state().exitCode()));
      }
      return engine.waiters().add(cid, condition);
    });
  }

  @Override
  public List<ContainerSummary> list(ContainerListFilter.Options options, boolean size) {
    Instant now = Instant.now();
    List<Container> selected = ContainerListFilter.select(engine.store().all(), options, engine.store()::get,
        images::isAncestor);
    List<ContainerSummary> out = new ArrayList<>(selected.size());
    for (Container c : selected) {
      ContainerViews.Sizes sizes = size ? sizes(c) : ContainerViews.Sizes.NONE;
      out.add(ContainerViews.summary(c, now, Map.of(), sizes));
    }
    return out;
  }

  @Override
  public ContainerInspectResponse inspect(String id, boolean size) {
    Container c = engine.store().get(id);
    List<String> execIds = c.state().isRunning() ? execs.activeIds(c.id()) : List.of();
    return ContainerViews.inspect(c, Map.of(), execIds, size ? sizes(c) : ContainerViews.Sizes.NONE);
  }

  /** SizeRw: bytes in the container's upper dir; SizeRootFs: those plus its image's. */
  private ContainerViews.Sizes sizes(Container c) {
    long rw = c.paths() == null ? 0 : ContainerChanges.size(c.paths().upperDir());
    long image;
    try {
      image = images.size(c.imageId());
    } catch (RuntimeException e) {
      image = 0; // the image is gone or the image engine is not open: the container's own bytes still count
    }
    return new ContainerViews.Sizes(rw, rw + image);
  }

  @Override
  public void remove(String id, boolean force, boolean volumes) {
    ContainerId cid = resolve(id);
    remover.remove(cid, force);
  }

  @Override
  public void pause(String id) {
    runner.pause(resolve(id), true);
  }

  @Override
  public void unpause(String id) {
    runner.pause(resolve(id), false);
  }

  @Override
  public void rename(String id, String newName) {
    if (newName == null || newName.isEmpty()) {
      throw new InvalidParameterException("Neither old nor new names may be empty");
    }
    ContainerId cid = resolve(id);
    engine.locks().run(cid, () -> {
      Container c = engine.current(cid);
      String plain = ContainerName.validate(newName);
      if (plain.equals(c.name())) {
        throw new InvalidParameterException("Renaming a container with the same name as its current name");
      }
      engine.store().reserveName(plain, cid);
      try {
        Container next = engine.commit(c.withName(plain));
        engine.events().publish(next, "rename", Map.of("oldName", c.displayName()));
      } catch (RuntimeException e) {
        engine.store().releaseName(plain, cid);
        throw e;
      }
    });
  }

  @Override
  public ContainerTopResponse top(String id, String psArgs) {
    ContainerId cid = resolve(id);
    ContainerRun run = runner.run(cid).orElseThrow(() -> new ConflictException("Container " + cid + " is not running"));
    try {
      TopResult top = run.process().top(psArgs);
      return new ContainerTopResponse(top.titles(), top.processes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Logs logs(String id, LogReadOptions options) throws IOException {
    Container c = engine.store().get(id);
    var live = runner.run(c.id()).map(ContainerRun::log).orElse(null);
    return new Logs(LogReader.open(logFiles(c), live, options), c.config().tty());
  }

  private LogFiles logFiles(Container c) {
    return new LogFiles(engine.states().layout().containerDir(c.id()), c.id().value());
  }

  @Override
  public Attachment attach(String id, boolean logs, LogSubscriber live) throws IOException {
    return attach(id, logs, live, false);
  }

  @Override
  public Attachment attach(String id, boolean logs, LogSubscriber live, boolean stdin) throws IOException {
    ContainerId cid = resolve(id);
    return engine.locks().with(cid, () -> {
      Container c = engine.current(cid);
      try {
        var replay = logs ? LogReader.open(logFiles(c), null, LogReadOptions.all()) : null;
        Attachment a = new Attachment(c.config().tty(), replay, live == null ? null : runner.attach(cid, live),
            stdin && c.config().openStdin() ? runner.stdin(cid) : null);
        engine.events().publish(c, "attach");
        return a;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @Override
  public void resize(String id, int height, int width) {
    ContainerId cid = resolve(id);
    engine.locks().run(cid, () -> runner.resize(cid, height, width));
  }

  @Override
  public ContainerPruneResponse prune(Filters filters) {
    return ContainerPruner.prune(engine.store(), remover, filters);
  }

  @Override
  public List<FilesystemChange> changes(String id) {
    try {
      return ContainerChanges.of(engine.store().get(id));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** rmi: which containers use {@code imageId}. */
  @Override
  public List<User> usersOf(Digest imageId) {
    String wanted = imageId.toString();
    List<User> users = new ArrayList<>();
    for (Container c : engine.store().all()) {
      if (c.imageId().equals(wanted)) {
        users.add(new User(c.id().value(), c.state().isRunning()));
      }
    }
    return users;
  }

  /** For /info: every container by state, without touching /proc. */
  public Counts counts() {
    int running = 0;
    int paused = 0;
    int total = 0;
    for (Container c : engine.store().unordered()) {
      total++;
      switch (c.state().status()) {
        case RUNNING, RESTARTING -> running++;
        case PAUSED -> paused++;
        default -> { }
      }
    }
    return new Counts(total, running, paused, total - running - paused);
  }

  public record Counts(int total, int running, int paused, int stopped) {}

  @Override
  public void close() {
    execs.close();
    runner.close();
    engine.runtime().close();
  }
}
