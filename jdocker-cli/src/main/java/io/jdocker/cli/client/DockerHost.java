package io.jdocker.cli.client;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.util.Map;

/** Where the daemon listens: {@code unix:///path} or {@code tcp://host:port}. */
public record DockerHost(String uri, SocketAddress address) {
  public static final String DEFAULT = "unix:///run/jdocker.sock";

  /** {@code -H} wins, then {@code JDOCKER_HOST}, then {@code DOCKER_HOST}, then the default. */
  public static DockerHost select(String flag, Map<String, String> env) {
    for (String candidate : new String[] {flag, env.get("JDOCKER_HOST"), env.get("DOCKER_HOST")}) {
      if (candidate != null && !candidate.isBlank()) {
        return parse(candidate.strip());
      }
    }
    return parse(DEFAULT);
  }

  public static DockerHost parse(String uri) {
    if (uri.startsWith("unix://")) {
      String path = uri.substring("unix://".length());
      if (path.isEmpty()) {
        return parse(DEFAULT);
      }
      return new DockerHost(uri, UnixDomainSocketAddress.of(path));
    }
    if (uri.startsWith("tcp://")) {
      String hostPort = uri.substring("tcp://".length()).replaceFirst("/.*$", "");
      int colon = hostPort.lastIndexOf(':');
      String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
      int port = colon < 0 ? 2375 : Integer.parseInt(hostPort.substring(colon + 1));
      return new DockerHost(uri, InetSocketAddress.createUnresolved(host.isEmpty() ? "127.0.0.1" : host, port));
    }
    if (!uri.contains("://") && !uri.isEmpty()) {
      // docker reads a bare host (or host:port) as TCP on the default port.
      return parse("tcp://" + uri);
    }
    throw new IllegalArgumentException("unable to parse docker host `" + uri + "`");
  }
}
