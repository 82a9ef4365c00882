package io.jdocker.daemon.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Brings {@code lo} up in a new network namespace by running {@code nsenter --net=... ip link set
 * lo up} (a few ms). A JVM thread must not join the namespace itself to spawn {@code ip}: the
 * JDK's process-reaper thread it would create inherits the namespace and keeps it alive. When
 * jdocker-native gains rtnetlink, an in-process RTM_NEWLINK replaces this.
 */
public final class LoopbackUp implements NetworkSetup {
  private static final List<String> SEARCH = List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin");

  private final Path nsenter;
  private final Path ip;

  public LoopbackUp(Path nsenter, Path ip) {
    this.nsenter = nsenter;
    this.ip = ip;
  }

  public static LoopbackUp fromHost() {
    return new LoopbackUp(find("nsenter"), find("ip"));
  }

  private static Path find(String name) {
    return SEARCH.stream().map(d -> Path.of(d, name)).filter(Files::isExecutable).findFirst()
        .orElse(Path.of(name));
  }

  @Override
  public void configure(String id, int pid, NetworkMode mode) throws IOException {
    if (!mode.ownNamespace()) {
      return;
    }
    Process p = new ProcessBuilder(nsenter.toString(), "--net=/proc/" + pid + "/ns/net", ip.toString(),
        "link", "set", "lo", "up").redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(
            new java.io.File("/dev/null"))).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    try {
      if (p.waitFor() != 0) {
        throw new IOException("cannot bring lo up in the container's network namespace: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while bringing lo up", e);
    }
  }
}
