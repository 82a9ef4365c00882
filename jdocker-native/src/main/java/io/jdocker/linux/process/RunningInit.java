package io.jdocker.linux.process;

import io.jdocker.linux.errno.SyscallException;
import io.jdocker.linux.signal.Signaller;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;

/**
 * A container's PID 1, started by jdocker-init and waiting for {@link #release()}.
 *
 * <p>jdocker-init stays the container's parent and exits only after reaping it, so while the
 * helper is alive {@link #pid()} cannot have been reused; {@link #kill} relies on that.
 */
public final class RunningInit {
  private final Process helper;
  private final SocketChannel control;
  private final int pid;
  private final long startTime;
  private final Signaller signaller;

  RunningInit(Process helper, SocketChannel control, int pid, long startTime, Signaller signaller) {
    this.helper = helper;
    this.control = control;
    this.pid = pid;
    this.startTime = startTime;
    this.signaller = signaller;
  }

  /** The container's PID 1 as the host sees it. */
  public int pid() {
    return pid;
  }

  /** Start time from /proc/PID/stat field 22; store it with the PID to recognise it later. */
  public long startTime() {
    return startTime;
  }

  /**
   * Lets the container set up its root and exec its command. Returns once the command runs;
   * throws if the process failed first (its exit code is then also {@link #waitFor()}'s).
   */
  public void release() throws IOException {
    HelperSession.goAhead(helper, control);
  }

  /** Gives up on a container that was never released: it dies before running anything. */
  public void abort() {
    try {
      kill(9);
    } catch (SyscallException e) {
      // Already gone.
    }
    HelperSession.closeQuietly(control);
  }

  /** Waits for the container to exit: its exit code, or 128+signal if a signal killed it. */
  public int waitFor() throws InterruptedException {
    return helper.waitFor();
  }

  public CompletableFuture<Integer> onExit() {
    return helper.onExit().thenApply(Process::exitValue);
  }

  public boolean isAlive() {
    return helper.isAlive();
  }

  /** Sends {@code signal} to PID 1; does nothing once it has been reaped. */
  public void kill(int signal) throws SyscallException {
    if (helper.isAlive()) {
      signaller.kill(pid, signal);
    }
  }

  public OutputStream stdin() {
    return helper.getOutputStream();
  }

  public InputStream stdout() {
    return helper.getInputStream();
  }

  public InputStream stderr() {
    return helper.getErrorStream();
  }
}
