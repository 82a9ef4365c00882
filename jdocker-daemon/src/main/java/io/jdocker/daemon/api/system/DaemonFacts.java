package io.jdocker.daemon.api.system;

import java.nio.file.Path;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * What the daemon tells the system routes about itself. {@code imageCount} is asked per
 * {@code /info}; everything else is fixed at start-up.
 *
 * @param engineId stable per data root (dockerd's {@code engine-id})
 * @param insecureRegistries daemon.json {@code insecure-registries}: CIDRs or host[:port]
 * @param registryMirrors daemon.json {@code registry-mirrors}
 */
public record DaemonFacts(
    String version,
    String gitCommit,
    String buildTime,
    String engineId,
    Path dataRoot,
    boolean debug,
    List<String> insecureRegistries,
    List<String> registryMirrors,
    List<String> securityOptions,
    IntSupplier imageCount,
    ContainerCounts.Source containerCounts) {

  /** Without a container engine: no containers. */
  public DaemonFacts(String version, String gitCommit, String buildTime, String engineId, Path dataRoot, boolean debug,
      List<String> insecureRegistries, List<String> registryMirrors, List<String> securityOptions,
      IntSupplier imageCount) {
    this(version, gitCommit, buildTime, engineId, dataRoot, debug, insecureRegistries, registryMirrors,
        securityOptions, imageCount, () -> ContainerCounts.NONE);
  }

  public DaemonFacts {
    insecureRegistries = List.copyOf(insecureRegistries);
    registryMirrors = List.copyOf(registryMirrors);
    securityOptions = List.copyOf(securityOptions);
  }
}
