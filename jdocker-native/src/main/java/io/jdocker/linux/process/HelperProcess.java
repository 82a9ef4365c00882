package io.jdocker.linux.process;

import io.jdocker.linux.errno.SyscallException;
import io.jdocker.linux.signal.Signaller;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/**
 * A process that jdocker-init started and stays the parent of (a container's PID 1 or an exec'd
 * process). The helper exits only after reaping it, with its status, so while the helper is
 * alive {@link #pid()} cannot have been reused; {@link #kill} relies on that.
 */
abstract sealed class HelperProcess permits RunningInit, RunningExec {
  final Process helper;
  private final int pid;
  private final long startTime;
  private final Signaller signaller;

  HelperProcess(Process helper, int pid, long startTime, Signaller signaller) {
    this.helper = helper;
    this.pid = pid;
    this.startTime = startTime;
    this.signaller = signaller;
  }

  /** The process's PID as the host sees it. */
  public int pid() {
    return pid;
  }

  /** Start time from /proc/PID/stat field 22; store it with the PID to recognise it later. */
  public long startTime() {
    return startTime;
  }

  /** Waits for it to exit: its exit code, or 128+signal if a signal killed it. */
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
