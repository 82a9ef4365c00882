package io.jdocker.daemon.runtime;

import io.jdocker.linux.errno.SyscallException;
import io.jdocker.linux.process.ProcStat;
import io.jdocker.linux.signal.Signal;
import io.jdocker.linux.signal.Signaller;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * PID 1 of a container started by an earlier daemon. It is not our child, so its exit is seen by
 * polling /proc/PID/stat (PID plus start time, so a reused PID reads as "exited") every
 * {@link #POLL_MS} ms on one shared thread. A pidfd would report the exit at once but needs
 * pidfd_open/poll bindings jdocker-native does not have yet; neither gives the exit code of a
 * non-child: jdocker-init (which survived the old daemon and reaps PID 1) writes it to the exit
 * file; without one it is {@link ExitStatus#UNKNOWN_EXIT_CODE} unless we sent the SIGKILL ourselves.
 */
final class AdoptedProcess implements ContainerProcess {
  private static final int ESRCH = 3;
  static final long POLL_MS = 50;

  /** jdocker-init writes the exit file right after reaping PID 1: give it this many polls. */
  private static final int EXIT_FILE_POLLS = 40;

  private final int pid;
  private final long startTime;
  private final Path exitFile;
  private int pollsSinceDeath;
  private final Signaller signaller;
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();
  private final ScheduledFuture<?> poll;
  private volatile boolean killedByUs;

  AdoptedProcess(int pid, long startTime, Path exitFile, Signaller signaller, ScheduledExecutorService poller) {
    this.pid = pid;
    this.startTime = startTime;
    this.exitFile = exitFile;
    this.signaller = signaller;
    this.poll = poller.scheduleWithFixedDelay(this::check, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
  }

  private void check() {
    try {
      if (!isAlive()) {
        OptionalInt recorded = exitFile == null ? OptionalInt.empty() : readExitFile(exitFile);
        if (recorded.isEmpty() && exitFile != null && pollsSinceDeath++ < EXIT_FILE_POLLS) {
          return;
        }
        poll.cancel(false);
        exit.complete(recorded.orElse(killedByUs ? 128 + Signal.SIGKILL.number() : ExitStatus.UNKNOWN_EXIT_CODE));
      }
    } catch (RuntimeException e) {
      poll.cancel(false);
      exit.completeExceptionally(e);
    }
  }

  static OptionalInt readExitFile(Path file) {
    try {
      return OptionalInt.of(Integer.parseInt(Files.readString(file).trim()));
    } catch (IOException | NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  boolean isAlive() {
    try {
      // A zombie (reaped soon by jdocker-init or, if that died, by the host's init) has exited.
      return ProcStat.isSameProcess(pid, startTime) && !ProcInfo.isZombie(pid);
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public int pid() {
    return pid;
  }

  @Override
  public long startTime() {
    return startTime;
  }

  @Override
  public boolean signal(int signal) throws SyscallException {
    if (!isAlive()) {
      return false;
    }
    try {
      signaller.kill(pid, signal);
    } catch (SyscallException e) {
      if (e.errno() == ESRCH) {
        return false;
      }
      throw e;
    }
    if (signal == Signal.SIGKILL.number()) {
      killedByUs = true;
    }
    return true;
  }

  @Override
  public CompletableFuture<Integer> exit() {
    return exit;
  }

  @Override
  public OutputStream stdin() {
    return null;
  }

  @Override
  public InputStream stdout() {
    return null;
  }

  @Override
  public InputStream stderr() {
    return null;
  }
}
