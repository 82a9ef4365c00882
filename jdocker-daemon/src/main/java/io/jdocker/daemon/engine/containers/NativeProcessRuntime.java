package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.container.Container;
import io.jdocker.daemon.runtime.ContainerRuntime;
import io.jdocker.daemon.runtime.ExitStatus;
import io.jdocker.daemon.runtime.RunningContainer;
import io.jdocker.daemon.runtime.TopResult;
import io.jdocker.errdefs.UnavailableException;
import io.jdocker.linux.FileSystemCalls;
import io.jdocker.linux.cgroup.CgroupStats;
import io.jdocker.linux.process.ContainerSpec.Stdio;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import io.jdocker.linux.process.ContainerConsole;
import io.jdocker.linux.process.ContainerSpec.Relay;
import io.jdocker.linux.process.RelayControl;
import io.jdocker.linux.process.ExecLauncher;
import io.jdocker.linux.process.InitHelper;
import io.jdocker.linux.jnr.JnrProcessSyscalls;
import io.jdocker.errdefs.ConflictException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ProcessRuntime} on the real {@link ContainerRuntime}. Container stdio goes through FIFOs
 * in {@code <exec-root>/containers/<id>/} that jdocker-init opens read-write, never through pipes
 * into the JVM; jdocker-init also holds a TTY container's terminal and a write end of stdin. A
 * container keeps running with its terminal and stdin (its output waits in the FIFO) while the
 * daemon is down, and the next daemon re-opens the FIFOs of the containers it adopts.
 */
public final class NativeProcessRuntime implements ProcessRuntime {
  private static final Logger LOG = LoggerFactory.getLogger(NativeProcessRuntime.class);
  private static final int S_IFIFO = 0010000;
  private static final String STDOUT = "stdout";
  private static final String STDERR = "stderr";
  private static final String STDIN = "stdin";
  private static final String CTL = "ctl";

  private final ContainerRuntime runtime;
  private final FileSystemCalls fs;
  private final Path rootfsRoot;
  private final Path fifoRoot;
  private final NativeExecs execs;
  private final Set<Native> live = ConcurrentHashMap.newKeySet();

  /**
   * @param rootfsRoot {@code <data-root>/rootfs}: each container's overlay dir lives below it
   * @param execRoot {@code <exec-root>}: FIFOs go to {@code containers/<id>/}
   */
  public NativeProcessRuntime(ContainerRuntime runtime, FileSystemCalls fs, Path rootfsRoot, Path execRoot) {
    this.runtime = runtime;
    this.fs = fs;
    this.rootfsRoot = rootfsRoot;
    this.fifoRoot = execRoot.resolve("containers");
    this.execs = new NativeExecs(new ExecLauncher(InitHelper.locate(), execRoot.resolve("init"),
        JnrProcessSyscalls.INSTANCE));
  }

  @Override
  public ExecProcess exec(Container c, ExecRequest request) {
    RunningContainer running = runtime.running(c.id().value())
        .orElseThrow(() -> new ConflictException("Container " + c.id() + " is not running"));
    return execs.exec(running, request);
  }

  private Path rootfsDir(Container c) {
    return rootfsRoot.resolve(c.id().value());
  }

  private Path fifoDir(Container c) {
    return fifoRoot.resolve(c.id().value());
  }

  @Override
  public LiveProcess start(Container c) {
    Path dir = fifoDir(c);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UnavailableException("cannot create " + dir + ": " + e.getMessage(), e);
    }
    boolean tty = c.config().tty();
    boolean openStdin = c.config().openStdin();
    try {
      mkfifo(dir.resolve(STDOUT));
      if (!tty) {
        mkfifo(dir.resolve(STDERR));
      }
      if (openStdin) {
        mkfifo(dir.resolve(STDIN));
      }
      mkfifo(dir.resolve(CTL));
    } catch (IOException e) {
      throw new UnavailableException("cannot create the stdio FIFOs of " + c.id() + ": " + e.getMessage(), e);
    }
    ContainerConsole console = null;
    if (tty) {
      try {
        console = ContainerConsole.create(dir.resolve("devpts"));
      } catch (IOException e) {
        throw new UnavailableException("cannot allocate the terminal of " + c.id() + ": " + e.getMessage(), e);
      }
    }
    try {
      return startRelayed(c, dir, console);
    } finally {
      closeQuietly(console); // the container holds its own copy of the mount, jdocker-init the master
    }
  }

  /**
   * Everything goes through FIFOs that jdocker-init opens and keeps open, like containerd's shim:
   * stdout and stderr (or, with a TTY, the terminal it allocates and relays into stdout), stdin
   * with OpenStdin, and ctl for close-stdin and resizes. The container outlives the daemon with its
   * terminal and stdin, and the next daemon re-opens the same FIFOs ({@link #adopt}).
   */
  private LiveProcess startRelayed(Container c, Path dir, ContainerConsole console) {
    boolean tty = console != null;
    List<Integer> size = c.hostConfig().consoleSize();
    boolean sized = size.stream().allMatch(n -> n > 0 && n <= 0xffff);
    Relay relay = new Relay(tty ? console.dir() : null, sized ? size.get(0) : 0, sized ? size.get(1) : 0,
        c.config().openStdin() ? dir.resolve(STDIN) : null, dir.resolve(CTL));
    Path out = dir.resolve(STDOUT);
    Path err = tty ? null : dir.resolve(STDERR);
    // The read ends are opened before the container exists: a fast command (true, echo) may be
    // gone by the time start() returns, and a FIFO nobody holds drops its data and blocks a later
    // read-only open forever (a blocked start holds the container's lock and pins a carrier).
    // A read-write keeper makes the read-only open return at once and is closed once jdocker-init
    // holds the write ends, so EOF still comes when the container exits.
    InputStream stdout = null;
    InputStream stderr = null;
    try (FileChannel outKeeper = FileChannel.open(out, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileChannel errKeeper = err == null ? null
            : FileChannel.open(err, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      stdout = openReader(out);
      stderr = err == null ? InputStream.nullInputStream() : openReader(err);
      RunningContainer running = runtime.start(RuntimeConfigs.of(c, rootfsDir(c), Stdio.relayed(out, err, relay),
          tty ? console.dir() : null));
      return connect(running, stdout, stderr, c, dir);
    } catch (IOException e) {
      closeQuietly(stdout);
      closeQuietly(stderr);
      throw new UnavailableException("cannot open the stdio of " + c.id() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(stdout);
      closeQuietly(stderr);
      throw e;
    }
  }

  /** The daemon's ends of ctl and stdin, for a started or an adopted container. */
  private Native connect(RunningContainer running, InputStream stdout, InputStream stderr, Container c,
      Path dir) throws IOException {
    RelayControl control = RelayControl.open(dir.resolve(CTL));
    try {
      OutputStream stdin = c.config().openStdin() ? RelayedStdin.open(dir.resolve(STDIN), control) : null;
      Native n = new Native(running, stdout, stderr, stdin, c.config().tty() ? control : null, control, live);
      live.add(n);
      return n;
    } catch (IOException | RuntimeException e) {
      closeQuietly(control);
      throw e;
    }
  }

  private static void closeQuietly(java.io.Closeable closeable) {
    if (closeable != null) {
      try {
        closeable.close();
      } catch (IOException e) {
        LOG.debug("close failed: {}", e.toString());
      }
    }
  }

  @Override
  public Optional<LiveProcess> adopt(Container c) {
    Optional<RunningContainer> running;
    try {
      running = runtime.adopt(c.id().value(), rootfsDir(c), Math.toIntExact(c.state().pid()), c.state().pidStartTime());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (running.isEmpty()) {
      return Optional.empty();
    }
    Path dir = fifoDir(c);
    if (!Files.exists(dir.resolve(CTL))) {
      // Started by a daemon from before jdocker-init held the stdio: a terminal or stdin died with it.
      LOG.warn("container {}: started without a relay; its terminal and stdin are gone", c.id());
      return Optional.of(new Native(running.get(), InputStream.nullInputStream(), InputStream.nullInputStream()));
    }
    InputStream stdout = null;
    try {
      stdout = openAdopted(dir.resolve(STDOUT));
      InputStream stderr = c.config().tty() ? InputStream.nullInputStream() : openAdopted(dir.resolve(STDERR));
      return Optional.of(connect(running.get(), stdout, stderr, c, dir));
    } catch (IOException e) {
      closeQuietly(stdout);
      LOG.warn("container {}: cannot re-open its stdio FIFOs ({}); its output is lost", c.id(), e.toString());
      return Optional.of(new Native(running.get(), InputStream.nullInputStream(), InputStream.nullInputStream()));
    }
  }

  /**
   * Opens an adopted container's FIFO for reading without blocking: a read-only open waits for a
   * writer, and the container may have ended just now. A short-lived read-write handle is that
   * writer; once it is closed the reader sees EOF exactly when the container side is gone.
   */
  private static InputStream openAdopted(Path fifo) throws IOException {
    try (FileChannel keeper = FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      return openReader(fifo);
    }
  }

  /** A channel's stream: closing it ({@link #close()}) wakes a reader blocked on the FIFO. */
  private static InputStream openReader(Path fifo) throws IOException {
    return Channels.newInputStream(FileChannel.open(fifo, StandardOpenOption.READ));
  }

  @Override
  public void releaseUnobservedExit(Container c) {
    try {
      runtime.releaseLeftovers(c.id().value());
    } catch (IOException e) {
      LOG.warn("container {}: cannot remove its leftover cgroup: {}", c.id(), e.toString());
    }
  }

  @Override
  public OptionalInt recordedExitCode(Container c) {
    return ContainerRuntime.recordedExitCode(rootfsDir(c));
  }

  @Override
  public void remove(Container c) throws IOException {
    runtime.remove(c.id().value(), rootfsDir(c));
    Path fifos = fifoDir(c);
    for (String name : List.of(STDOUT, STDERR, STDIN, CTL)) {
      Files.deleteIfExists(fifos.resolve(name));
    }
    Files.deleteIfExists(fifos);
  }

  /**
   * Lets go of every container's FIFOs as the daemon's exit would (stdin is not ended), so a
   * new runtime on the same dirs (a restart) is their only reader and writer.
   */
  @Override
  public void close() {
    live.forEach(Native::detach);
    runtime.close();
  }

  private void mkfifo(Path path) throws IOException {
    Files.deleteIfExists(path);
    fs.mknod(path, S_IFIFO | 0600, 0, 0);
  }

  /**
   * A runtime container with its stdio; {@code terminal} (the ctl channel of a TTY container)
   * resizes, {@code control} is closed with the run.
   */
  private record Native(RunningContainer c, InputStream stdout, InputStream stderr, OutputStream stdin,
      RelayControl terminal, RelayControl control, Set<Native> live) implements LiveProcess {
    Native(RunningContainer c, InputStream stdout, InputStream stderr) {
      this(c, stdout, stderr, null, null, null, Set.of());
    }

    // Identity: the set of live runs holds the records, and a record's own hash would include it.
    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }

    void detach() {
      if (stdin instanceof RelayedStdin relayed) {
        try {
          relayed.abandon();
        } catch (IOException e) {
          LOG.debug("close failed: {}", e.toString());
        }
      }
      closeQuietly(stdout);
      closeQuietly(stderr);
      closeQuietly(control);
    }

    @Override
    public void resize(int height, int width) throws IOException {
      if (terminal != null) {
        terminal.resize(height, width);
      }
    }

    @Override
    public void release() {
      live.remove(this);
      closeQuietly(control);
    }

    @Override public long pid() { return c.pid(); }
    @Override public long startTime() { return c.startTime(); }
    @Override public Instant startedAt() { return c.startedAt(); }
    @Override public CompletableFuture<ExitStatus> onExit() { return c.onExit(); }
    @Override public void kill(int signal) throws IOException { c.kill(signal); }
    @Override public void pause() throws IOException { c.pause(); }
    @Override public void unpause() throws IOException { c.unpause(); }
    @Override public TopResult top() throws IOException { return c.top(); }
    @Override public TopResult top(String psArgs) throws IOException { return c.top(psArgs); }
    @Override public Optional<CgroupStats> cgroupStats() throws IOException { return c.stats(); }

    @Override
    public ExitStatus stop(Duration timeout, int signal) throws IOException, InterruptedException {
      return c.stop(timeout, signal);
    }
  }
}
