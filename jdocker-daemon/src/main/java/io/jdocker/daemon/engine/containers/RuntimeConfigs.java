package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.api.types.container.ContainerConfig;
import io.jdocker.daemon.api.types.container.HostConfig;
import io.jdocker.daemon.container.BindSpec;
import io.jdocker.daemon.container.Container;
import io.jdocker.daemon.container.ExecUser;
import io.jdocker.daemon.container.ProcessEnv;
import io.jdocker.daemon.container.ResourceLimits;
import io.jdocker.daemon.container.Signals;
import io.jdocker.daemon.container.TmpfsSpec;
import io.jdocker.daemon.container.UserResolver;
import io.jdocker.daemon.runtime.NetworkMode;
import io.jdocker.daemon.runtime.ProcessConfig;
import io.jdocker.daemon.runtime.RuntimeConfig;
import io.jdocker.linux.process.ContainerSpec.Stdio;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The one place a {@link Container} becomes the runtime's {@link RuntimeConfig}. */
final class RuntimeConfigs {
  private RuntimeConfigs() {}

  /**
   * @param rootfsDir the container's overlay dir ({@code <data-root>/rootfs/<id>})
   * @param stdio where stdin/stdout/stderr go (FIFOs for the daemon)
   */
  static RuntimeConfig of(Container c, Path rootfsDir, Stdio stdio) {
    return of(c, rootfsDir, stdio, null);
  }

  /** @param devpts the console's devpts instance for a TTY container (its /dev/pts), else null */
  static RuntimeConfig of(Container c, Path rootfsDir, Stdio stdio, Path devpts) {
    ContainerConfig cfg = c.config();
    HostConfig h = c.hostConfig();
    List<Path> layers = new ArrayList<>();
    c.lowerDirs().forEach(d -> layers.add(Path.of(d)));
    List<Path> lowestFirst = layers.reversed();
    ExecUser user = UserResolver.resolve(cfg.user(), passwdRoot(rootfsDir, layers));
    String hostname = cfg.hostname().isEmpty() ? c.id().shortId() : cfg.hostname();
    List<String> argv = new ArrayList<>();
    argv.add(c.path());
    argv.addAll(c.args());
    List<String> env = ProcessEnv.build(cfg.env(), hostname, cfg.tty(), user.home());
    ProcessConfig process = ProcessConfig.of(argv, env)
        .withCwd(cfg.workingDir().isEmpty() ? null : cfg.workingDir())
        .withUser(Math.toIntExact(user.uid()), Math.toIntExact(user.gid()),
            user.additionalGids().stream().map(Math::toIntExact).toList());
    RuntimeConfig.Builder b = RuntimeConfig.builder(c.id().value(), rootfsDir, process)
        .hostname(hostname)
        .layers(lowestFirst)
        .readOnlyRoot(h.readonlyRootfs())
        .network(NetworkMode.parse(h.networkMode()))
        .resources(ResourceLimits.of(h))
        .init(Boolean.TRUE.equals(h.init()))
        .stopSignal(Signals.stopSignal(cfg.stopSignal()))
        .tty(cfg.tty())
        .stdio(stdio)
        .devpts(devpts);
    BindSpec.parseAll(h.bindsOrEmpty()).forEach(b::bind);
    TmpfsSpec.parseAll(h.tmpfsOrEmpty()).forEach(b::tmpfs);
    return b.build();
  }

  /** Where /etc/passwd comes from: the container's upper dir if it has one, else the top layer that does. */
  private static Path passwdRoot(Path rootfsDir, List<Path> topFirst) {
    Path upper = rootfsDir.resolve("upper");
    if (Files.exists(upper.resolve("etc/passwd"))) {
      return upper;
    }
    for (Path layer : topFirst) {
      if (Files.exists(layer.resolve("etc/passwd"))) {
        return layer;
      }
    }
    return upper;
  }
}
