package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.container.Container;
import io.jdocker.daemon.runtime.ContainerRuntime;
import io.jdocker.daemon.runtime.ExitStatus;
import io.jdocker.daemon.runtime.RunningContainer;
import io.jdocker.daemon.runtime.TopResult;
import io.jdocker.errdefs.UnavailableException;
import io.jdocker.linux.FileSystemCalls;
import io.jdocker.linux.process.ContainerSpec.Stdio;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
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

  /**
   * @param rootfsRoot {@code <data-root>/rootfs}: each container's overlay dir lives below it
   * @param execRoot {@code <exec-root>}: FIFOs go to {@code containers/<id>/}
   */
  public NativeProcessRuntime(ContainerRuntime runtime, FileSystemCalls fs, Path rootfsRoot, Path execRoot) {
    this.runtime = runtime;
    this.fs = fs;
    this.rootfsRoot = rootfsRoot;
    this.fifoRoot = execRoot.resolve("containers");
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
    Path out = dir.resolve("stdout");
    Path err = dir.resolve("stderr");
    try {
      Files.createDirectories(dir);
      mkfifo(out);
      mkfifo(err);
    } catch (IOException e) {
      throw new UnavailableException("cannot create the output FIFOs of " + c.id() + ": " + e.getMessage(), e);
    }
    Redirect in = Redirect.from(new File("/dev/null"));
    // The read ends are opened before the container exists: a fast command (true, echo) may be
    // gone by the time start() returns, and a FIFO nobody holds drops its data and blocks a later
    // read-only open forever. A read-write keeper makes the read-only open return at once and is
    // closed once jdocker-init holds the write ends, so EOF still comes when the container exits.
    InputStream stdout = null;
    InputStream stderr = null;
    try (FileChannel outKeeper = FileChannel.open(out, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileChannel errKeeper = FileChannel.open(err, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      stdout = new FileInputStream(out.toFile());
      stderr = new FileInputStream(err.toFile());
      RunningContainer running = runtime.start(RuntimeConfigs.of(c, rootfsDir(c), Stdio.fifos(in, out, err)));
      return new Native(running, stdout, stderr);
    } catch (IOException e) {
      closeQuietly(stdout);
      closeQuietly(stderr);
      throw new UnavailableException("cannot open the output of " + c.id() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(stdout);
      closeQuietly(stderr);
      throw e;
    }
  }

  private static void closeQuietly(InputStream stream) {
    if (stream == null) {
      return;
    }
    try {
      stream.close();
    } catch (IOException ignored) {
      // nothing was read from it yet
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

  /** A runtime container with its output streams. */
  private record Native(RunningContainer c, InputStream stdout, InputStream stderr) implements LiveProcess {
    @Override public long pid() { return c.pid(); }
    @Override public long startTime() { return c.startTime(); }
    @Override public Instant startedAt() { return c.startedAt(); }
    @Override public CompletableFuture<ExitStatus> onExit() { return c.onExit(); }
    @Override public void kill(int signal) throws IOException { c.kill(signal); }
    @Override public void pause() throws IOException { c.pause(); }
    @Override public void unpause() throws IOException { c.unpause(); }
    @Override public TopResult top() throws IOException { return c.top(); }

    @Override
    public ExitStatus stop(Duration timeout, int signal) throws IOException, InterruptedException {
      return c.stop(timeout, signal);
    }
  }
}
