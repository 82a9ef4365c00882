package io.jdocker.daemon.container;

import io.jdocker.daemon.api.types.container.ContainerConfig;
import io.jdocker.daemon.api.types.container.HostConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Containers for tests: fixed IDs from a seed, created at a given second. */
final class TestContainers {
  static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  private TestContainers() {}

  static ContainerId id(char c) {
    return ContainerId.of(String.valueOf(c).repeat(64));
  }

  static ContainerId id(String prefix) {
    return ContainerId.of(prefix + "0".repeat(64 - prefix.length()));
  }

  static Container container(ContainerId id, String name, int createdSecond) {
    ContainerConfig config = ContainerConfig.ofImage("busybox");
    return new Container(id, name, T0.plusSeconds(createdSecond), "sh", List.of("-c", "echo hi"), config,
        HostConfig.empty(), null, "sha256:" + "b".repeat(64), List.of(), ContainerState.created(),
        new ContainerLayout(Path.of("/var/lib/jdocker")).pathsOf(id), null, null);
  }

  static Container withLabels(Container c, Map<String, String> labels) {
    ContainerConfig k = c.config();
    ContainerConfig labelled = k.withMerged(k.user(), k.exposedPorts(), k.env(), k.cmd(), k.entrypoint(),
        k.healthcheck(), k.argsEscaped(), k.volumes(), k.workingDir(), labels, k.stopSignal());
    return new Container(c.id(), c.name(), c.created(), c.path(), c.args(), labelled, c.hostConfig(),
        c.networkingConfig(), c.imageId(), c.lowerDirs(), c.state(), c.paths(), c.driver(), c.platform());
  }

  static Container running(Container c, long pid) {
    return c.transition(new Transition.Started(pid, 4242, c.created().plusSeconds(1), false));
  }

  static Container exited(Container c, int code) {
    return running(c, 100).transition(new Transition.Exited(code, false, c.created().plusSeconds(2)));
  }
}
