package io.jdocker.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerHostTest {
  private static final Map<String, String> BOTH = Map.of("JDOCKER_HOST", "unix:///j.sock", "DOCKER_HOST", "unix:///d.sock");

  @Test
  void flagWinsOverEnvironment() {
    assertEquals("unix:///flag.sock", DockerHost.select("unix:///flag.sock", BOTH).uri());
  }

  @Test
  void jdockerHostWinsOverDockerHost() {
    assertEquals("unix:///j.sock", DockerHost.select(null, BOTH).uri());
  }

  @Test
  void dockerHostIsUsedAlone() {
    assertEquals(UnixDomainSocketAddress.of("/d.sock"), DockerHost.select(null, Map.of("DOCKER_HOST", "unix:///d.sock")).address());
  }

  @Test
  void defaultIsTheJdockerSocket() {
    assertEquals("unix:///run/jdocker.sock", DockerHost.select(null, Map.of()).uri());
    assertEquals("unix:///run/jdocker.sock", DockerHost.select("", Map.of("DOCKER_HOST", "")).uri());
  }

  @Test
  void tcpHosts() {
    InetSocketAddress a = (InetSocketAddress) DockerHost.parse("tcp://127.0.0.1:2375").address();
    assertEquals(2375, a.getPort());
    assertEquals("127.0.0.1", a.getHostString());
  }

  @Test
  void bareHostIsTcpOnTheDefaultPort() {
    InetSocketAddress a = (InetSocketAddress) DockerHost.parse("foo").address();
    assertEquals("foo", a.getHostString());
    assertEquals(2375, a.getPort());
  }

  @Test
  void unknownSchemeIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> DockerHost.parse("ssh://x"));
  }
}
