package io.jdocker.linux.process;

import io.jdocker.linux.signal.Signaller;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts processes inside running containers (docker exec) through jdocker-init's exec mode
 * ({@code --enter}, see jdocker-init.c): the helper opens the container's namespace files and
 * cgroup files, joins the PID namespace and forks; the child joins the rest and execs. A helper
 * per exec keeps the JVM itself out of every container namespace (see DESIGN.md).
 */
public final class ExecLauncher {
  private static final List<String> ENTER = List.of("--enter");

  private final Path helper;
  private final Path socketDir;
  private final Signaller signaller;

  /** Same arguments as {@link InitLauncher#InitLauncher}. */
  public ExecLauncher(Path helper, Path socketDir, Signaller signaller) {
    this.helper = helper;
    this.socketDir = socketDir;
    this.signaller = signaller;
  }

  /**
   * Runs the command; returns once it was exec'd. Failures before that throw {@link
   * ContainerStartException} carrying the helper's reason and Docker's exit code: 127 command
   * not found ({@code exec: "x": executable file not found in $PATH}), 126 not executable, 128
   * anything else, e.g. {@code open(/proc/42/ns/ipc): ENOENT (No such file or directory)} for a
   * container that is gone.
   */
  public RunningExec start(ExecSpec spec) throws IOException {
    HelperSession.Connected c =
        HelperSession.connect(helper, socketDir, ENTER, spec.stdio(), ExecSpecEncoder.encode(spec));
    RunningExec exec = new RunningExec(c.helper(), c.pid(), c.startTime(), signaller);
    boolean started = false;
    try {
      HelperSession.goAhead(c.helper(), c.control());
      started = true;
      return exec;
    } finally {
      if (!started && c.helper().isAlive()) {
        c.helper().destroyForcibly();
      }
    }
  }
}
