package io.jdocker.linux.process;

import io.jdocker.linux.signal.Signaller;

/** A process exec'd into a running container ({@code jdocker-init --enter}). */
public final class RunningExec extends HelperProcess {
  RunningExec(Process helper, int pid, long startTime, Signaller signaller) {
    super(helper, pid, startTime, signaller);
  }
}
