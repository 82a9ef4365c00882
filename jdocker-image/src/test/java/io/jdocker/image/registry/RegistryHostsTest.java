package io.jdocker.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.errdefs.InvalidParameterException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryHostsTest {
  private final RegistryHosts hosts =
      new RegistryHosts(List.of("myregistry.example:5000", "http://other.example", "10.0.0.0/8", "fd00::/8"));

  @ParameterizedTest
  @CsvSource({
      "127.0.0.1:5000, true", "127.1.2.3, true", "localhost:5000, true", "[::1]:5000, true",
      "myregistry.example:5000, true", "myregistry.example:5001, false", "other.example, true",
      "10.1.2.3:443, true", "11.1.2.3, false", "[fd00::1]:5000, true", "[fe80::1]:5000, false",
      "docker.io, false", "index.docker.io, false",
  })
  void decidesWhichHostsAreInsecure(String host, boolean insecure) {
    assertEquals(insecure, hosts.isInsecure(host));
  }

  @Test
  void insecureHostsTryHttpsThenHttp() {
    assertEquals(List.of(URI.create("https://127.0.0.1:5000"), URI.create("http://127.0.0.1:5000")),
        hosts.apiEndpoints("127.0.0.1:5000"));
    assertEquals(List.of(URI.create("https://registry.example")), hosts.apiEndpoints("registry.example"));
  }

  @Test
  void dockerHubHasItsOwnEndpoints() {
    assertEquals(List.of(URI.create("https://registry-1.docker.io")), hosts.apiEndpoints("docker.io"));
    assertEquals(List.of(URI.create("https://index.docker.io")), hosts.indexEndpoints("docker.io"));
  }

  @Test
  void loopbackIsNotInsecureWhenTestsSaySo() {
    assertFalse(new RegistryHosts(List.of(), false).isInsecure("127.0.0.1:5000"));
    assertTrue(new RegistryHosts(List.of("127.0.0.1:5000"), false).isInsecure("127.0.0.1:5000"));
  }

  @ParameterizedTest
  @CsvSource({
      "https://index.docker.io/v1/, docker.io", "index.docker.io, docker.io", "'', docker.io",
      "http://127.0.0.1:5000/, 127.0.0.1:5000", "127.0.0.1:5000, 127.0.0.1:5000",
      "https://registry.example/v2/, registry.example",
  })
  void normalisesLoginAddresses(String address, String host) {
    assertEquals(host, RegistryHosts.normalizeServerAddress(address));
  }

  @Test
  void refusesMalformedEntriesAsDockerd() {
    InvalidParameterException scheme =
        assertThrows(InvalidParameterException.class, () -> new RegistryHosts(List.of("ftp://x")));
    assertEquals("insecure registry ftp://x should not contain '://'", scheme.getMessage());
    InvalidParameterException cidr =
        assertThrows(InvalidParameterException.class, () -> new RegistryHosts(List.of("http://a/b/c")));
    assertEquals("insecure registry http://a/b/c is not valid: invalid CIDR address: a/b/c", cidr.getMessage());
  }
}
