package io.jdocker.linux.process;

import io.jdocker.linux.errno.SyscallException;
import io.jdocker.linux.signal.Signaller;
import java.io.IOException;
import java.nio.channels.SocketChannel;

/** A container's PID 1, started by jdocker-init and waiting for {@link #release()}. */
public final class RunningInit extends HelperProcess {
  private final SocketChannel control;

  RunningInit(Process helper, SocketChannel control, int pid, long startTime, Signaller signaller) {
    super(helper, pid, startTime, signaller);
    this.control = control;
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
}
