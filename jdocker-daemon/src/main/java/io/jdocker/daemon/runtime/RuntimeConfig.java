package io.jdocker.daemon.runtime;

import io.jdocker.daemon.container.BindSpec;
import io.jdocker.daemon.container.ResourceLimits;
import io.jdocker.daemon.container.TmpfsSpec;
import io.jdocker.linux.process.ContainerSpec.Stdio;
import io.jdocker.linux.signal.Signal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything the runtime needs to start one container; the engine resolves it from the container's
 * Config and HostConfig and the image.
 *
 * @param layers unpacked image layer dirs, lowest first ({@link ImageLayers#of})
 * @param containerDir {@code <dataRoot>/containers/<id>}: upper, work and the network files live here
 * @param stopSignal signal number {@link RunningContainer#stop} sends first (--stop-signal)
 * @param binds parsed at create ({@link BindSpec#parseAll}); named volumes are not supported yet
 * @param tmpfs parsed at create ({@link TmpfsSpec#parseAll})
 * @param resources validated at create ({@code ResourceValidator}); {@link #NO_LIMITS} for none
 * @param stdio the process's stdin/stdout/stderr; null means pipes. With {@code tty}, stdin must be
 *     a pty slave the engine allocated
 * @param devpts the devpts instance of the container's console ({@code ContainerConsole}), mounted
 *     as its /dev/pts; null for none
 */
public record RuntimeConfig(
    String id,
    String hostname,
    List<Path> layers,
    Path containerDir,
    ProcessConfig process,
    List<BindSpec> binds,
    List<TmpfsSpec> tmpfs,
    boolean readOnlyRoot,
    NetworkMode network,
    ResourceLimits resources,
    boolean init,
    int stopSignal,
    boolean tty,
    Stdio stdio,
    Path devpts) {

  public static final ResourceLimits NO_LIMITS = new ResourceLimits(0, 0, 0, 0, 0, 0, "", "", 0, false);
  private static final Pattern ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}");

  public RuntimeConfig {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("invalid container id: " + id);
    }
    Objects.requireNonNull(hostname, "hostname");
    layers = List.copyOf(layers);
    Objects.requireNonNull(containerDir, "containerDir");
    Objects.requireNonNull(process, "process");
    binds = List.copyOf(binds);
    tmpfs = List.copyOf(tmpfs);
    network = network == null ? NetworkMode.BRIDGE : network;
    resources = resources == null ? NO_LIMITS : resources;
    stopSignal = stopSignal == 0 ? Signal.SIGTERM.number() : stopSignal;
    if (stdio == null) {
      stdio = Stdio.pipes();
    }
    if (tty != stdio.tty()) {
      stdio = stdio.withTty(tty);
    }
  }

  public static Builder builder(String id, Path containerDir, ProcessConfig process) {
    return new Builder(id, containerDir, process);
  }

  /** Docker's defaults: hostname = first 12 characters of the ID, bridge network, SIGTERM. */
  public static final class Builder {
    private final String id;
    private final Path containerDir;
    private final ProcessConfig process;
    private String hostname;
    private final List<Path> layers = new ArrayList<>();
    private final List<BindSpec> binds = new ArrayList<>();
    private final List<TmpfsSpec> tmpfs = new ArrayList<>();
    private boolean readOnlyRoot;
    private NetworkMode network = NetworkMode.BRIDGE;
    private ResourceLimits resources = NO_LIMITS;
    private boolean init;
    private int stopSignal = Signal.SIGTERM.number();
    private boolean tty;
    private Stdio stdio;
    private Path devpts;

    private Builder(String id, Path containerDir, ProcessConfig process) {
      this.id = id;
      this.containerDir = containerDir;
      this.process = process;
      this.hostname = id.length() > 12 ? id.substring(0, 12) : id;
    }

    public Builder hostname(String value) { hostname = value; return this; }
    public Builder layers(List<Path> value) { layers.addAll(value); return this; }
    public Builder bind(BindSpec value) { binds.add(value); return this; }
    public Builder tmpfs(TmpfsSpec value) { tmpfs.add(value); return this; }
    public Builder readOnlyRoot(boolean value) { readOnlyRoot = value; return this; }
    public Builder network(NetworkMode value) { network = value; return this; }
    public Builder resources(ResourceLimits value) { resources = value; return this; }
    public Builder init(boolean value) { init = value; return this; }
    public Builder stopSignal(int value) { stopSignal = value; return this; }
    public Builder tty(boolean value) { tty = value; return this; }
    public Builder stdio(Stdio value) { stdio = value; return this; }
    public Builder devpts(Path value) { devpts = value; return this; }

    public RuntimeConfig build() {
      return new RuntimeConfig(id, hostname, layers, containerDir, process, binds, tmpfs, readOnlyRoot, network,
          resources, init, stopSignal, tty, stdio, devpts);
    }
  }
}
