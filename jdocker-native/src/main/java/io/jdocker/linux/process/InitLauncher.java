package io.jdocker.linux.process;

import io.jdocker.linux.signal.Signaller;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts container processes through jdocker-init (src/main/c/jdocker-init.c documents the
 * protocol, {@link HelperSession} speaks it): the helper connects to a per-launch Unix socket,
 * receives the spec, clones the container process into its namespaces and reports its host PID. The container then waits for
 * {@link RunningInit#release()} so the caller can put it into cgroups and wire its network first.
 */
public final class InitLauncher {
  private final Path helper;
  private final Path socketDir;
  private final Signaller signaller;

  /**
   * @param helper the jdocker-init binary ({@link InitHelper#locate()})
   * @param socketDir where per-launch control sockets live (short path: sun_path has 108 bytes)
   */
  public InitLauncher(Path helper, Path socketDir, Signaller signaller) {
    this.helper = helper;
    this.socketDir = socketDir;
    this.signaller = signaller;
  }

  public RunningInit start(ContainerSpec spec) throws IOException {
    HelperSession.Connected c =
        HelperSession.connect(helper, socketDir, List.of(), spec.stdio(), InitSpecEncoder.encode(spec));
    return new RunningInit(c.helper(), c.control(), c.pid(), c.startTime(), signaller);
  }
}
