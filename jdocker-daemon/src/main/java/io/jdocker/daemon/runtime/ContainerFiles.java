package io.jdocker.daemon.runtime;

import io.jdocker.linux.process.ContainerSpec.BindMount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes a container's {@code hostname}, {@code hosts} and {@code resolv.conf} into its directory
 * and names the bind mounts that put them at /etc/hostname, /etc/hosts and /etc/resolv.conf, as
 * Docker does (they stay editable from inside unless the root is read-only).
 */
public final class ContainerFiles {
  static final String DEFAULT_HOSTS = """
      127.0.0.1\tlocalhost
      ::1\tlocalhost ip6-localhost ip6-loopback
      fe00::0\tip6-localnet
      ff00::0\tip6-mcastprefix
      ff02::1\tip6-allnodes
      ff02::2\tip6-allrouters
      """;

  private final Path hostHosts;
  private final Path hostResolvConf;
  private final Path systemdResolvConf;

  public ContainerFiles(Path hostHosts, Path hostResolvConf, Path systemdResolvConf) {
    this.hostHosts = hostHosts;
    this.hostResolvConf = hostResolvConf;
    this.systemdResolvConf = systemdResolvConf;
  }

  /** Reads the host's /etc/hosts and /etc/resolv.conf. */
  public static ContainerFiles fromHost() {
    return new ContainerFiles(Path.of("/etc/hosts"), Path.of("/etc/resolv.conf"),
        Path.of("/run/systemd/resolve/resolv.conf"));
  }

  /**
   * @param ipAddress the container's address for its own hosts line, or null when it has none yet
   * @return the bind mounts for the three files
   */
  public List<BindMount> write(Path containerDir, String hostname, String ipAddress, NetworkMode network,
      boolean readOnly) throws IOException {
    Files.createDirectories(containerDir);
    Path hostnameFile = containerDir.resolve("hostname");
    Path hostsFile = containerDir.resolve("hosts");
    Path resolvFile = containerDir.resolve("resolv.conf");
    writeAtomically(hostnameFile, hostname + "\n");
    writeAtomically(hostsFile, network == NetworkMode.HOST ? readOr(hostHosts, DEFAULT_HOSTS)
        : hosts(hostname, ipAddress));
    writeAtomically(resolvFile, resolvConf(network));
    return List.of(new BindMount(hostnameFile, "/etc/hostname", readOnly),
        new BindMount(hostsFile, "/etc/hosts", readOnly),
        new BindMount(resolvFile, "/etc/resolv.conf", readOnly));
  }

  static String hosts(String hostname, String ipAddress) {
    return ipAddress == null ? DEFAULT_HOSTS : DEFAULT_HOSTS + ipAddress + "\t" + hostname + "\n";
  }

  String resolvConf(NetworkMode network) throws IOException {
    String host = readOr(hostResolvConf, "");
    if (ResolvConf.onlySystemdResolvedStub(host) && Files.isReadable(systemdResolvConf)) {
      host = Files.readString(systemdResolvConf);
    }
    return network == NetworkMode.HOST ? host : ResolvConf.forOwnNetwork(host);
  }

  private static String readOr(Path file, String fallback) throws IOException {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      return fallback;
    }
  }

  // A container restarting while a reader has the old file open must never see it half-written.
  private static void writeAtomically(Path file, String content) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, content);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
