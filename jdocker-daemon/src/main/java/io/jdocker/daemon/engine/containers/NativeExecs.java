package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.runtime.RunningContainer;
import io.jdocker.errdefs.ConflictException;
import io.jdocker.errdefs.UnavailableException;
import io.jdocker.linux.process.Capability;
import io.jdocker.linux.process.ContainerSpec.Stdio;
import io.jdocker.linux.process.ContainerStartException;
import io.jdocker.linux.process.ExecLauncher;
import io.jdocker.linux.process.ExecSpec;
import io.jdocker.linux.process.ProcStat;
import io.jdocker.linux.process.RunningExec;
import io.jdocker.linux.pty.Pty;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * docker exec on the real runtime: jdocker-init's exec mode joins the container's namespaces and
 * cgroups (so {@code top} lists the process), with pipes for stdio or, with a TTY, a terminal from
 * the container's own devpts ({@code /dev/pts/N} inside, as with Docker).
 */
final class NativeExecs {
  private static final Redirect DEV_NULL = Redirect.from(new File("/dev/null"));

  private final ExecLauncher launcher;

  NativeExecs(ExecLauncher launcher) {
    this.launcher = launcher;
  }

  ExecProcess exec(RunningContainer container, ExecRequest r) {
    int pid = container.pid();
    try {
      if (!container.isRunning() || !ProcStat.isSameProcess(pid, container.startTime())) {
        throw new ConflictException("Container " + container.id() + " is not running");
      }
      ExecSpec.Builder b = ExecSpec.builder(pid, r.args().toArray(String[]::new))
          .env(r.env())
          .cwd(r.cwd())
          .user(r.uid(), r.gid());
      r.groups().forEach(b::group);
      container.cgroupProcs().forEach(b::cgroupProcs);
      if (r.privileged()) {
        b.privileged();
      } else {
        b.capabilities(Capability.dockerDefaults()); // the container's own set (no --cap-add yet)
      }
      if (r.tty()) {
        return withTerminal(b, pid, r);
      }
      b.stdio(new Stdio(r.stdin() ? Redirect.PIPE : DEV_NULL, r.stdout() ? Redirect.PIPE : Redirect.DISCARD,
          r.stderr() ? Redirect.PIPE : Redirect.DISCARD, false));
      RunningExec exec = launcher.start(b.build());
      return new Piped(exec, r.stdin() ? exec.stdin() : null, r.stdout() ? exec.stdout() : null,
          r.stderr() ? exec.stderr() : null);
    } catch (ContainerStartException e) {
      throw new ExecStartFailure(e.exitCode(), e.getMessage(), e);
    } catch (IOException e) {
      throw new UnavailableException("cannot exec in container " + container.id() + ": " + e.getMessage(), e);
    }
  }

  private ExecProcess withTerminal(ExecSpec.Builder b, int pid, ExecRequest r) throws IOException {
    Pty pty = Pty.openIn(Path.of("/proc", Integer.toString(pid), "root", "dev", "pts"));
    try {
      if (r.consoleRows() > 0 && r.consoleColumns() > 0) {
        pty.resize(r.consoleRows(), r.consoleColumns());
      }
      RunningExec exec = launcher.start(b.stdio(Stdio.console(pty.slave())).build());
      return new Terminal(exec, pty);
    } catch (IOException | RuntimeException e) {
      pty.close();
      throw e;
    }
  }

  private record Piped(RunningExec exec, OutputStream stdin, InputStream stdout, InputStream stderr)
      implements ExecProcess {
    @Override public int pid() { return exec.pid(); }
    @Override public CompletableFuture<Integer> onExit() { return exec.onExit(); }
    @Override public void resize(int height, int width) { }
  }

  /** Closing {@link #stdout()} (the master) releases the terminal. */
  private record Terminal(RunningExec exec, Pty pty) implements ExecProcess {
    @Override public int pid() { return exec.pid(); }
    @Override public CompletableFuture<Integer> onExit() { return exec.onExit(); }
    @Override public OutputStream stdin() { return pty.output(); }
    @Override public InputStream stdout() { return pty.input(); }
    @Override public InputStream stderr() { return null; }
    @Override public void resize(int height, int width) throws IOException { pty.resize(height, width); }
  }
}
