package io.jdocker.linux.process;

import io.jdocker.linux.errno.SyscallException;
import io.jdocker.linux.signal.Signaller;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/**
 * A process exec'd into a running container. jdocker-init stays its parent and exits with its
 * status, so while the helper lives {@link #pid()} cannot have been reused.
 */
public final class RunningExec {
  private final Process helper;
  private final int pid;
  private final long startTime;
  private final Signaller signaller;

  RunningExec(Process helper, int pid, long startTime, Signaller signaller) {
    this.helper = helper;
    this.pid = pid;
    this.startTime = startTime;
    this.signaller = signaller;
  }

  /** The exec'd process's PID as the host sees it (for top and for signals). */
  public int pid() {
    return pid;
  }

  /** Start time from /proc/PID/stat field 22. */
  public long startTime() {
    return startTime;
  }

  /** Its exit code, or 128+signal if a signal killed it. */
  public int waitFor() throws InterruptedException {
    return helper.waitFor();
  }

  public CompletableFuture<Integer> onExit() {
    return helper.onExit().thenApply(Process::exitValue);
  }

  public boolean isAlive() {
    return helper.isAlive();
  }

  /** Sends {@code signal} to the process; does nothing once it has been reaped. */
  public void kill(int signal) throws SyscallException {
    if (helper.isAlive()) {
      signaller.kill(pid, signal);
    }
  }

  /** Pipes when the spec asked for them; with a pty everything goes through its master instead. */
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
