package io.jdocker.daemon.runtime;

import io.jdocker.linux.errno.SyscallException;
import io.jdocker.linux.process.RunningInit;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/** PID 1 started by this daemon: jdocker-init is its parent and reports its exit status. */
final class ChildProcess implements ContainerProcess {
  private final RunningInit init;
  private final CompletableFuture<Integer> exit;

  ChildProcess(RunningInit init) {
    this.init = init;
    this.exit = init.onExit();
  }

  @Override
  public int pid() {
    return init.pid();
  }

  @Override
  public long startTime() {
    return init.startTime();
  }

  @Override
  public boolean signal(int signal) throws SyscallException {
    // While jdocker-init lives it has not reaped PID 1, so the PID cannot have been reused.
    if (!init.isAlive()) {
      return false;
    }
    init.kill(signal);
    return true;
  }

  @Override
  public CompletableFuture<Integer> exit() {
    return exit;
  }

  @Override
  public OutputStream stdin() {
    return init.stdin();
  }

  @Override
  public InputStream stdout() {
    return init.stdout();
  }

  @Override
  public InputStream stderr() {
    return init.stderr();
  }
}
