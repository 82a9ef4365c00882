package io.jdocker.daemon;

import io.jdocker.daemon.api.system.RegistryConfigs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The daemon's effective configuration: flags, then daemon.json, then defaults. As in dockerd, an
 * option given both as a flag and in the file is an error. Other parts of the daemon read it
 * (e.g. the registry client's insecure registries).
 *
 * <p>Pidfile default: dockerd's is {@code /var/run/docker.pid}, outside its exec root; ours is
 * {@code /run/jdocker.pid}. When the exec root is not the default, the pidfile moves into it
 * ({@code <exec-root>/jdockerd.pid}) so a second daemon for tests does not collide.
 */
public record DaemonConfig(
    List<Path> sockets,
    Path dataRoot,
    Path execRoot,
    Path pidFile,
    String logLevel,
    boolean debug,
    List<String> insecureRegistries,
    List<String> registryMirrors,
    Path configFile) {

  public static final String DEFAULT_HOST = "unix:///run/jdocker.sock";
  public static final Path DEFAULT_DATA_ROOT = Path.of("/var/lib/jdocker");
  public static final Path DEFAULT_EXEC_ROOT = Path.of("/run/jdocker");
  public static final Path DEFAULT_PIDFILE = Path.of("/run/jdocker.pid");
  public static final Path DEFAULT_CONFIG_FILE = Path.of("/etc/jdocker/daemon.json");
  static final List<String> LOG_LEVELS = List.of("debug", "info", "warn", "error", "fatal");

  /** What was given on the command line; empty = not given. */
  public record Flags(
      List<String> hosts,
      Optional<Path> dataRoot,
      Optional<Path> execRoot,
      Optional<Path> pidFile,
      Optional<String> logLevel,
      boolean debug) {}

  public static DaemonConfig resolve(Flags flags, DaemonConfigFile file, Path configFile) throws ConfigException {
    List<String> conflicts = new ArrayList<>();
    conflict(conflicts, "hosts", !flags.hosts().isEmpty(), file.hosts().isPresent());
    conflict(conflicts, "data-root", flags.dataRoot().isPresent(), file.dataRoot().isPresent());
    conflict(conflicts, "exec-root", flags.execRoot().isPresent(), file.execRoot().isPresent());
    conflict(conflicts, "pidfile", flags.pidFile().isPresent(), file.pidfile().isPresent());
    conflict(conflicts, "log-level", flags.logLevel().isPresent(), file.logLevel().isPresent());
    conflict(conflicts, "debug", flags.debug(), file.debug().isPresent());
    if (!conflicts.isEmpty()) {
      throw new ConfigException("unable to configure the daemon with file " + configFile
          + ": the following directives are specified both as a flag and in the configuration file: "
          + String.join(", ", conflicts));
    }
    List<String> hosts = !flags.hosts().isEmpty() ? flags.hosts() : file.hosts().orElse(List.of(DEFAULT_HOST));
    if (hosts.isEmpty()) {
      hosts = List.of(DEFAULT_HOST);
    }
    List<Path> sockets = new ArrayList<>();
    for (String host : hosts) {
      sockets.add(socketOf(host));
    }
    Path execRoot = flags.execRoot().or(() -> file.execRoot().map(Path::of)).orElse(DEFAULT_EXEC_ROOT);
    Path pidFile = flags.pidFile().or(() -> file.pidfile().map(Path::of)).orElse(
        execRoot.equals(DEFAULT_EXEC_ROOT) ? DEFAULT_PIDFILE : execRoot.resolve("jdockerd.pid"));
    boolean debug = flags.debug() || file.debug().orElse(false);
    String logLevel = flags.logLevel().or(file::logLevel).orElse(debug ? "debug" : "info")
        .toLowerCase(Locale.ROOT);
    if (!LOG_LEVELS.contains(logLevel)) {
      throw new ConfigException("invalid log level \"" + logLevel + "\": expected one of " + LOG_LEVELS);
    }
    try {
      RegistryConfigs.build(file.insecureRegistries(), file.registryMirrors());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("config file " + configFile + ": " + e.getMessage());
    }
    return new DaemonConfig(List.copyOf(sockets),
        flags.dataRoot().or(() -> file.dataRoot().map(Path::of)).orElse(DEFAULT_DATA_ROOT).toAbsolutePath(),
        execRoot.toAbsolutePath(), pidFile.toAbsolutePath(), logLevel, debug,
        file.insecureRegistries(), file.registryMirrors(), configFile);
  }

  private static void conflict(List<String> out, String key, boolean flag, boolean inFile) {
    if (flag && inFile) {
      out.add(key);
    }
  }

  /** "unix:///run/x.sock" or a bare absolute path; TCP is not offered (no TLS yet). */
  static Path socketOf(String host) throws ConfigException {
    String path = host.startsWith("unix://") ? host.substring("unix://".length()) : host;
    if (path.contains("://") || !path.startsWith("/")) {
      throw new ConfigException("invalid host \"" + host + "\": only unix:///absolute/path sockets are supported");
    }
    return Path.of(path);
  }
}
