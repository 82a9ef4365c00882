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
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.FileOutputStream;
import java.io.RandomAccessFile;
import java.util.List;
import io.jdocker.linux.process.ContainerConsole;
import io.jdocker.linux.process.ExecLauncher;
import io.jdocker.linux.process.InitHelper;
import io.jdocker.linux.jnr.JnrProcessSyscalls;
import io.jdocker.errdefs.ConflictException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ProcessRuntime} on the real {@link ContainerRuntime}. Container output goes through FIFOs
 * in {@code <exec-root>/containers/<id>/} that jdocker-init opens read-write, never through pipes
 * into the JVM: a container keeps running (its output waits in the FIFO) while the daemon is
 * down, and the next daemon re-opens the FIFOs of the containers it adopts.
 */
public final class NativeProcessRuntime implements ProcessRuntime {
  private static final Logger LOG = LoggerFactory.getLogger(NativeProcessRuntime.class);
  private static final int S_IFIFO = 0010000;

  private final ContainerRuntime runtime;
  private final FileSystemCalls fs;
  private final Path rootfsRoot;
  private final Path fifoRoot;
  private final NativeExecs execs;

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
    return c.config().tty() ? startWithConsole(c, dir) : startWithFifos(c, dir);
  }

  /**
   * stdout and stderr go through FIFOs; with OpenStdin so does stdin: the daemon holds the FIFO's
   * only writer (opened read-write, so neither side's open blocks) and closing it is the
   * container's EOF.
   */
  private LiveProcess startWithFifos(Container c, Path dir) {
    Path out = dir.resolve("stdout");
    Path err = dir.resolve("stderr");
    Path in = dir.resolve("stdin");
    RandomAccessFile stdinWriter = null;
    Redirect stdin = Redirect.from(new File("/dev/null"));
    try {
      mkfifo(out);
      mkfifo(err);
      if (c.config().openStdin()) {
        mkfifo(in);
        stdinWriter = new RandomAccessFile(in.toFile(), "rw");
        stdin = Redirect.from(in.toFile());
      }
    } catch (IOException e) {
      closeQuietly(stdinWriter);
      throw new UnavailableException("cannot create the stdio FIFOs of " + c.id() + ": " + e.getMessage(), e);
    }
    // The read ends are opened before the container exists: a fast command (true, echo) may be
    // gone by the time start() returns, and a FIFO nobody holds drops its data and blocks a later
    // read-only open forever (a blocked start holds the container's lock and pins a carrier).
    // A read-write keeper makes the read-only open return at once and is closed once jdocker-init
    // holds the write ends, so EOF still comes when the container exits.
    FileInputStream stdout = null;
    FileInputStream stderr = null;
    try (FileChannel outKeeper = FileChannel.open(out, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileChannel errKeeper = FileChannel.open(err, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      stdout = new FileInputStream(out.toFile());
      stderr = new FileInputStream(err.toFile());
      RunningContainer running = runtime.start(RuntimeConfigs.of(c, rootfsDir(c), Stdio.fifos(stdin, out, err)));
      return new Native(running, stdout, stderr,
          stdinWriter == null ? null : new FileOutputStream(stdinWriter.getFD()), null);
    } catch (IOException e) {
      closeQuietly(stdout);
      closeQuietly(stderr);
      closeQuietly(stdinWriter);
      throw new UnavailableException("cannot open the output of " + c.id() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(stdout);
      closeQuietly(stderr);
      closeQuietly(stdinWriter);
      throw e;
    }
  }

  /**
   * A TTY container: its terminal's master stays in the daemon (output, stdin, resize). Unlike the
   * FIFOs it dies with the daemon: an adopted TTY container keeps running but its output is lost.
   */
  private LiveProcess startWithConsole(Container c, Path dir) {
    Path devpts = dir.resolve("devpts");
    ContainerConsole console;
    try {
      console = ContainerConsole.create(devpts);
    } catch (IOException e) {
      throw new UnavailableException("cannot allocate the terminal of " + c.id() + ": " + e.getMessage(), e);
    }
    try {
      List<Integer> size = c.hostConfig().consoleSize();
      if (size.get(0) > 0 && size.get(1) > 0) {
        console.pty().resize(size.get(0), size.get(1));
      }
      RunningContainer running = runtime.start(RuntimeConfigs.of(c, rootfsDir(c), console.stdio(), devpts));
      console.releaseHostMount();
      return new Native(running, console.pty().input(), InputStream.nullInputStream(), console.pty().output(),
          console);
    } catch (IOException e) {
      closeQuietly(console);
      throw new UnavailableException("cannot set up the terminal of " + c.id() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(console);
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
    if (c.config().tty()) {
      // Its terminal's master died with the previous daemon: the process runs on, its output is lost.
      return Optional.of(new Native(running.get(), InputStream.nullInputStream(), InputStream.nullInputStream()));
    }
    try {
      return Optional.of(new Native(running.get(), openAdopted(fifoDir(c).resolve("stdout")),
          openAdopted(fifoDir(c).resolve("stderr"))));
    } catch (IOException e) {
      LOG.warn("container {}: cannot re-open its output FIFOs ({}); its output is lost", c.id(), e.toString());
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
      return new FileInputStream(fifo.toFile());
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
    Files.deleteIfExists(fifos.resolve("stdout"));
    Files.deleteIfExists(fifos.resolve("stderr"));
    Files.deleteIfExists(fifos.resolve("stdin"));
    Files.deleteIfExists(fifos);
  }

  @Override
  public void close() {
    runtime.close();
  }

  private void mkfifo(Path path) throws IOException {
    Files.deleteIfExists(path);
    fs.mknod(path, S_IFIFO | 0600, 0, 0);
  }

  /** A runtime container with its stdio; {@code console} for a TTY container. */
  private record Native(RunningContainer c, InputStream stdout, InputStream stderr, OutputStream stdin,
      ContainerConsole console) implements LiveProcess {
    Native(RunningContainer c, InputStream stdout, InputStream stderr) {
      this(c, stdout, stderr, null, null);
    }

    @Override
    public void resize(int height, int width) throws IOException {
      if (console != null) {
        console.pty().resize(height, width);
      }
    }

    @Override
    public void release() {
      closeQuietly(console);
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
