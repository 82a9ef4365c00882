package io.jdocker.daemon;

import io.jdocker.daemon.api.ResponseHeaders;
import io.jdocker.daemon.api.Router;
import io.jdocker.daemon.api.containers.ArchiveRoutes;
import io.jdocker.daemon.api.containers.CommitRoutes;
import io.jdocker.daemon.api.containers.ContainerRoutes;
import io.jdocker.daemon.api.containers.ExecRoutes;
import io.jdocker.daemon.api.containers.StatsRoutes;
import io.jdocker.daemon.api.system.ContainerCounts;
import io.jdocker.daemon.api.system.DaemonFacts;
import io.jdocker.daemon.api.system.DiskUsageRoutes;
import io.jdocker.daemon.container.ContainerLayout;
import io.jdocker.daemon.container.ProcessIdentity;
import io.jdocker.daemon.container.StateStore;
import io.jdocker.daemon.engine.containers.ContainerService;
import io.jdocker.daemon.engine.containers.ImageSource;
import io.jdocker.daemon.engine.containers.NativeProcessRuntime;
import io.jdocker.daemon.engine.containers.ProcessRuntime;
import io.jdocker.daemon.engine.containers.UnavailableRuntime;
import io.jdocker.errdefs.UnavailableException;
import io.jdocker.daemon.runtime.ContainerRuntime;
import io.jdocker.daemon.runtime.RuntimeOptions;
import io.jdocker.linux.jnr.JnrFileSystemCalls;
import io.jdocker.daemon.api.system.HostFacts;
import io.jdocker.daemon.api.system.SystemRoutes;
import io.jdocker.daemon.engine.events.EventBus;
import io.jdocker.daemon.engine.images.DiskUsageService;
import io.jdocker.daemon.engine.images.ImagesModule;
import io.jdocker.daemon.server.ApiServer;
import io.jdocker.daemon.server.ApiServerInitializer;
import io.jdocker.daemon.server.SocketFiles;
import io.jdocker.image.registry.RegistryClient;
import io.jdocker.image.registry.RegistryHosts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running daemon: owns the data-root lock, pidfile, engine modules and API servers, and
 * releases them in reverse order on {@link #close}. Start-up order matters: the data-root lock
 * and the socket check come before the pidfile so a refused start never touches a running
 * daemon's files.
 */
public final class Daemon implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
  static final String DATA_ROOT_MODE = "rwx--x--x";
  static final String EXEC_ROOT_MODE = "rwx------";

  private final Deque<AutoCloseable> resources;
  private final DaemonConfig config;

  private Daemon(DaemonConfig config, Deque<AutoCloseable> resources) {
    this.config = config;
    this.resources = resources;
  }

  public DaemonConfig config() {
    return config;
  }

  public static Daemon start(DaemonConfig config, BuildInfo build) throws IOException {
    Deque<AutoCloseable> opened = new ArrayDeque<>();
    try {
      createDirectory(config.dataRoot(), DATA_ROOT_MODE);
      createDirectory(config.execRoot(), EXEC_ROOT_MODE);
      opened.push(InstanceLock.acquire(config.dataRoot()));
      for (Path socket : config.sockets()) {
        SocketFiles.claim(socket);
      }
      opened.push(PidFile.write(config.pidFile()));
      EventBus events = new EventBus();
      HostFacts host = HostFacts.read();
      ContainerService containers = openContainers(config, events, host);
      opened.push(containers);
      // One client for the daemon: it caches tokens and which scheme each insecure registry answers on.
      RegistryClient registries = new RegistryClient(new RegistryHosts(config.insecureRegistries()));
      opened.push(registries);
      ImagesModule images = ImagesModule.open(config.dataRoot(), events, containers, registries);
      opened.push(images);
      containers.useImages(ImageSource.of(images.service()));
      containers.restore();
      Router router = new Router();
      router.addAll(new SystemRoutes(facts(config, build, images, containers), host, events, images.registry()));
      router.addAll(images.routes());
      router.addAll(new DiskUsageRoutes(new DiskUsageService(images.service().store(), containers, containers)));
      router.addAll(new ContainerRoutes(containers));
      router.addAll(new ExecRoutes(containers.execs()));
      router.addAll(new ArchiveRoutes(containers.archives()));
      router.addAll(new StatsRoutes(containers.stats()));
      router.addAll(new CommitRoutes(containers.commits(build.version())));
      ExecutorService handlers = Executors.newThreadPerTaskExecutor(
          Thread.ofVirtual().name("api-", 0).factory());
      opened.push(handlers::shutdownNow);
      ApiServerInitializer initializer =
          new ApiServerInitializer(router, handlers, new ResponseHeaders(build.version()));
      for (Path socket : config.sockets()) {
        opened.push(ApiServer.start(socket, initializer));
        LOG.info("API listen on {}", socket);
      }
      return new Daemon(config, opened);
    } catch (IOException | RuntimeException e) {
      closeAll(opened);
      throw e;
    }
  }

  private static DaemonFacts facts(DaemonConfig config, BuildInfo build, ImagesModule images,
      ContainerService containers) throws IOException {
    return new DaemonFacts(build.version(), build.gitCommit(), build.buildTime(),
        EngineId.load(config.dataRoot()), config.dataRoot(), config.debug(),
        config.insecureRegistries(), config.registryMirrors(), List.of(), images::imageCount, () -> {
          ContainerService.Counts c = containers.counts();
          return new ContainerCounts(c.total(), c.running(), c.paused(), c.stopped());
        });
  }

  /**
   * The container engine. Containers outlive the daemon: on shutdown they keep running and the
   * next daemon adopts them.
   */
  private static ContainerService openContainers(DaemonConfig config, EventBus events, HostFacts host) {
    ContainerLayout layout = new ContainerLayout(config.dataRoot());
    ProcessRuntime processes;
    try {
      ContainerRuntime runtime = new ContainerRuntime(RuntimeOptions.fromHost(config.execRoot(), null));
      processes = new NativeProcessRuntime(runtime, JnrFileSystemCalls.instance(), layout.rootfsDir(),
          config.execRoot());
    } catch (UnavailableException e) {
      LOG.error("containers cannot run: {}", e.getMessage());
      processes = new UnavailableRuntime(e.getMessage());
    }
    return new ContainerService(new StateStore(layout), processes, events,
        Runtime.getRuntime().availableProcessors(), host.cgroupVersion().equals("2"), host::hostname,
        new ProcessIdentity());
  }

  /** Creates {@code dir} (and parents) with {@code mode} on the last level; an existing one is kept. */
  static void createDirectory(Path dir, String mode) throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(mode));
    }
  }

  @Override
  public void close() {
    LOG.info("shutting down");
    closeAll(resources);
  }

  private static void closeAll(Deque<AutoCloseable> resources) {
    while (!resources.isEmpty()) {
      AutoCloseable resource = resources.pop();
      try {
        resource.close();
      } catch (Exception e) {
        LOG.warn("shutdown: {}", e.toString());
      }
    }
  }
}
