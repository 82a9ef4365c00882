package io.jdocker.daemon.api.system;

import io.jdocker.daemon.api.ApiRequest;
import io.jdocker.daemon.api.ApiResponse;
import io.jdocker.daemon.api.Handler;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/** {@code GET /info}: host facts read at start-up plus the counters of this moment. */
final class InfoHandler implements Handler {
  private static final Path OWN_FDS = Path.of("/proc/self/fd");

  private final DaemonFacts daemon;
  private final HostFacts host;
  private final SystemInfo.RegistryConfig registryConfig;
  private final IntSupplier eventListeners;
  private final List<List<String>> driverStatus;

  InfoHandler(DaemonFacts daemon, HostFacts host, IntSupplier eventListeners) {
    this.daemon = daemon;
    this.host = host;
    this.registryConfig = RegistryConfigs.build(daemon.insecureRegistries(), daemon.registryMirrors());
    this.eventListeners = eventListeners;
    this.driverStatus = List.of(
        List.of("Backing Filesystem", backingFilesystem(daemon.dataRoot())),
        List.of("Supports d_type", "true"));
  }

  @Override
  public void handle(ApiRequest request, ApiResponse response) {
    response.json(200, info());
  }

  SystemInfo info() {
    boolean v1 = host.cgroupVersion().equals("1");
    ContainerCounts containers = daemon.containerCounts().counts();
    return new SystemInfo(
        daemon.engineId(),
        containers.total(), containers.running(), containers.paused(), containers.stopped(),
        daemon.imageCount().getAsInt(),
        "overlay2",
        driverStatus,
        new SystemInfo.Plugins(List.of("local"), List.of("bridge", "host", "null"), null,
            List.of("json-file")),
        true, v1, v1, true, true, true, true, true,
        true, true, true,
        daemon.debug(),
        openFileDescriptors(),
        v1,
        ManagementFactory.getThreadMXBean().getThreadCount(),
        Instant.now().toString(),
        "json-file",
        "cgroupfs",
        host.cgroupVersion(),
        eventListeners.getAsInt(),
        host.kernelVersion(),
        host.operatingSystem(),
        host.osVersion(),
        "linux",
        "x86_64",
        "https://index.docker.io/v1/",
        registryConfig,
        host.ncpu(),
        host.memTotal(),
        null,
        daemon.dataRoot().toString(),
        env("HTTP_PROXY"), env("HTTPS_PROXY"), env("NO_PROXY"),
        host.hostname(),
        List.of(),
        false,
        daemon.version(),
        Map.of("jinit", new SystemInfo.RuntimeInfo("jdocker-init")),
        "jinit",
        SystemInfo.Swarm.INACTIVE,
        false,
        "",
        "jdocker-init",
        new SystemInfo.Commit("", ""),
        new SystemInfo.Commit("", ""),
        new SystemInfo.Commit(daemon.gitCommit(), daemon.gitCommit()),
        daemon.securityOptions(),
        List.of(),
        null);
  }

  /** dockerd names the file system by its magic: ext2/3/4 are all "extfs". */
  static String backingFilesystem(Path dataRoot) {
    try {
      String type = Files.getFileStore(dataRoot).type();
      return type.startsWith("ext") ? "extfs" : type.equals("overlay") ? "overlayfs" : type;
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String env(String name) {
    String value = System.getenv(name);
    if (value == null) {
      value = System.getenv(name.toLowerCase(java.util.Locale.ROOT));
    }
    return value == null ? "" : value;
  }

  private static int openFileDescriptors() {
    int count = 0;
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(OWN_FDS)) {
      for (Path ignored : fds) {
        count++;
      }
    } catch (IOException e) {
      return 0;
    }
    return count;
  }
}
