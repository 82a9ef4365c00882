package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.api.containers.ExecBackend;
import io.jdocker.daemon.api.containers.ExecCreateRequest;
import io.jdocker.daemon.api.containers.ExecInspectResponse;
import io.jdocker.daemon.api.containers.ExecStartRequest;
import io.jdocker.daemon.container.Container;
import io.jdocker.daemon.container.ContainerId;
import io.jdocker.daemon.container.ContainerStatus;
import io.jdocker.daemon.container.ExecUser;
import io.jdocker.daemon.container.ProcessEnv;
import io.jdocker.daemon.container.UserResolver;
import io.jdocker.errdefs.ConflictException;
import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.errdefs.NotFoundException;
import io.jdocker.errdefs.UnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * docker exec: creates execs, starts their processes through the runtime, records their exit
 * codes and publishes {@code exec_create}/{@code exec_start}/{@code exec_die} as dockerd does. An
 * exec is kept (for inspect) until its container is removed.
 */
public final class ExecService implements ExecBackend, AutoCloseable {
  /** dockerd's wait for an exec's process before it answers a resize. */
  static final long RESIZE_WAIT_SECONDS = 10;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Engine engine;
  private final ContainerRunner runner;
  private final Map<String, Exec> execs = new ConcurrentHashMap<>();
  private final ExecutorService exits = Executors.newVirtualThreadPerTaskExecutor();

  ExecService(Engine engine, ContainerRunner runner) {
    this.engine = engine;
    this.runner = runner;
  }

  @Override
  public String create(String container, ExecCreateRequest request) {
    ContainerId cid = engine.store().get(container).id();
    return engine.locks().with(cid, () -> {
      Container c = engine.current(cid);
      requireRunning(c);
      if (request.cmd().isEmpty() || request.cmd().getFirst().isEmpty()) {
        throw new InvalidParameterException("No exec command specified");
      }
      String id = HexFormat.of().formatHex(bytes());
      execs.put(id, new Exec(id, cid, request));
      engine.events().publish(c, "exec_create: " + String.join(" ", request.cmd()), Map.of("execID", id));
      return id;
    });
  }

  private static byte[] bytes() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return b;
  }

  private static void requireRunning(Container c) {
    ContainerStatus s = c.state().status();
    if (s == ContainerStatus.PAUSED) {
      throw new ConflictException("Container " + c.id() + " is paused, unpause the container before exec");
    }
    if (s == ContainerStatus.RESTARTING) {
      throw new ConflictException("Container " + c.id() + " is restarting, wait until the container is running");
    }
    if (s != ContainerStatus.RUNNING) {
      throw new ConflictException("Container " + c.id() + " is not running");
    }
  }

  private Exec get(String execId) {
    Exec e = execs.get(execId);
    if (e == null) {
      throw new NotFoundException("No such exec instance: " + execId);
    }
    return e;
  }

  @Override
  public void requireExists(String execId) {
    get(execId);
  }

  @Override
  public ExecStreams start(String execId, ExecStartRequest start) {
    Exec e = get(execId);
    e.claimStart();
    ExecCreateRequest cfg = e.config();
    boolean detach = start.detach();
    ExecProcess p;
    Container c;
    try {
      c = engine.locks().with(e.container(), () -> engine.current(e.container()));
      requireRunning(c);
      List<Integer> size = start.consoleSize() != null ? start.consoleSize() : cfg.consoleSize();
      ExecRequest request = resolve(c, cfg, detach, size);
      p = engine.runtime().exec(c, request);
    } catch (ExecStartFailure f) {
      e.failed(f.exitCode());
      throw f;
    } catch (RuntimeException ex) {
      e.failed(null);
      throw ex;
    }
    e.running(p);
    engine.events().publish(c, "exec_start: " + String.join(" ", cfg.cmd()), Map.of("execID", execId));
    CompletableFuture<Integer> recorded = p.onExit().thenApplyAsync(code -> {
      e.exited(code);
      engine.store().byId(e.container()).ifPresent(now -> engine.events().publish(now, "exec_die",
          Map.of("execID", execId, "exitCode", Integer.toString(code))));
      return code;
    }, exits);
    if (detach) {
      if (cfg.tty()) {
        exits.execute(() -> drain(p.stdout())); // nobody reads the terminal: keep it from filling up
      }
      return new ExecStreams(cfg.tty(), null, null, null, recorded);
    }
    return new ExecStreams(cfg.tty(), p.stdin(), p.stdout(), p.stderr(), recorded);
  }

  /** The container's env then the exec's, user and working dir defaulting to the container's. */
  private ExecRequest resolve(Container c, ExecCreateRequest cfg, boolean detach, List<Integer> size) {
    ContainerRun run = runner.run(c.id())
        .orElseThrow(() -> new ConflictException("Container " + c.id() + " is not running"));
    String userSpec = cfg.user().isEmpty() ? c.config().user() : cfg.user();
    ExecUser user = UserResolver.resolve(userSpec, Path.of("/proc", Long.toString(run.process().pid()), "root"));
    String hostname = c.config().hostname().isEmpty() ? c.id().shortId() : c.config().hostname();
    List<String> env = new ArrayList<>(c.config().env() == null ? List.of() : c.config().env());
    env.addAll(cfg.env());
    String cwd = !cfg.workingDir().isEmpty() ? cfg.workingDir()
        : c.config().workingDir().isEmpty() ? null : c.config().workingDir();
    int rows = size == null ? 0 : size.get(0);
    int columns = size == null ? 0 : size.get(1);
    return new ExecRequest(cfg.cmd(), ProcessEnv.build(env, hostname, cfg.tty(), user.home()), cwd,
        Math.toIntExact(user.uid()), Math.toIntExact(user.gid()),
        user.additionalGids().stream().map(Math::toIntExact).toList(), cfg.privileged(), cfg.tty(),
        !detach && cfg.attachStdin(), !detach && cfg.attachStdout(), !detach && cfg.attachStderr(), rows, columns);
  }

  private static void drain(InputStream in) {
    byte[] buf = new byte[16 * 1024];
    try (in) {
      while (in.read(buf) >= 0) {
        // discard
      }
    } catch (IOException e) {
      // the terminal is gone
    }
  }

  @Override
  public void resize(String execId, int height, int width) throws InterruptedException {
    Exec e = get(execId);
    ExecProcess p = e.awaitProcess(RESIZE_WAIT_SECONDS);
    if (p == null) {
      throw new UnavailableException("timeout waiting for exec session ready");
    }
    try {
      p.resize(height, width);
    } catch (IOException ex) {
      throw new UnavailableException("cannot resize exec " + execId + ": " + ex.getMessage(), ex);
    }
  }

  @Override
  public ExecInspectResponse inspect(String execId) {
    return get(execId).inspect();
  }

  /** For container inspect's ExecIDs: the container's execs that have not ended. */
  List<String> activeIds(ContainerId container) {
    List<String> ids = new ArrayList<>();
    for (Exec e : execs.values()) {
      if (e.container().equals(container) && !e.hasExited()) {
        ids.add(e.id());
      }
    }
    return ids;
  }

  /** The container was removed: so are its execs. */
  void forget(ContainerId container) {
    execs.values().removeIf(e -> e.container().equals(container));
  }

  @Override
  public void close() {
    exits.shutdownNow();
  }
}
