package io.jdocker.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdocker.errdefs.UnavailableException;
import io.jdocker.image.ref.ImageReference;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reaching registries: unreachable ones, the insecure HTTPS→HTTP fallback, secure-only hosts, v1 search. */
class RegistryNetworkTest {
  @Test
  void connectionRefusedIsWordedLikeGo() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    try (RegistryClient client = new RegistryClient(RegistryHosts.defaults())) {
      UnavailableException e = assertThrows(UnavailableException.class,
          () -> client.open(ImageReference.parse("127.0.0.1:" + port + "/x"), RegistryAuth.ANONYMOUS, false));
      // Both schemes were tried; as dockerd, the last failure (plain HTTP) is reported.
      assertEquals("Get \"http://127.0.0.1:" + port + "/v2/\": dial tcp 127.0.0.1:" + port
          + ": connect: connection refused", e.getMessage());
    }
  }

  @Test
  void insecureHostFallsBackToHttpAndRemembersIt() throws IOException {
    try (FakeRegistry registry = FakeRegistry.start();
        RegistryClient client = new RegistryClient(RegistryHosts.defaults())) {
      registry.putBlob("x", new byte[] {1});

      client.open(ImageReference.parse(registry.host() + "/x"), RegistryAuth.ANONYMOUS, false);

      assertEquals("http", client.workingScheme(registry.host()));
      assertEquals(1, registry.requests("/v2/").size());
    }
  }

  @Test
  void secureHostIsHttpsOnly() throws IOException {
    try (FakeRegistry registry = FakeRegistry.start();
        RegistryClient client = new RegistryClient(new RegistryHosts(List.of(), false))) {
      UnavailableException e = assertThrows(UnavailableException.class,
          () -> client.open(ImageReference.parse(registry.host() + "/x"), RegistryAuth.ANONYMOUS, false));
      assertEquals("Get \"https://" + registry.host() + "/v2/\": http: server gave HTTP response to HTTPS client",
          e.getMessage());
    }
  }

  @Test
  void hostListedInsecureInDaemonJsonFallsBackToo() throws IOException {
    try (FakeRegistry registry = FakeRegistry.start();
        RegistryClient client = new RegistryClient(new RegistryHosts(List.of(registry.host()), false))) {
      client.open(ImageReference.parse(registry.host() + "/x"), RegistryAuth.ANONYMOUS, false);
      assertEquals("http", client.workingScheme(registry.host()));
    }
  }

  @Test
  void searchesTheV1Index() throws IOException {
    try (FakeRegistry registry = FakeRegistry.start();
        RegistryClient client = new RegistryClient(RegistryHosts.defaults())) {
      registry.searchResults("{\"num_results\":2,\"query\":\"busy box\",\"results\":["
          + "{\"name\":\"busybox\",\"description\":\"Busybox base image.\",\"star_count\":3000,"
          + "\"is_official\":true,\"is_automated\":false},"
          + "{\"name\":\"u/busy\",\"description\":\"\",\"star_count\":1,\"is_official\":false,\"is_automated\":true}]}");

      List<SearchResult> results = client.search(registry.host(), "busy box", 10, RegistryAuth.ANONYMOUS);

      assertEquals(List.of(new SearchResult("busybox", "Busybox base image.", 3000, true, false),
          new SearchResult("u/busy", "", 1, false, true)), results);
      FakeRegistry.Request request = registry.requests("/v1/search").getFirst();
      assertEquals("q=busy+box&n=10", request.query());
    }
  }

  @Test
  void registryWithoutV1SearchAnswersAsDockerd() throws IOException {
    try (FakeRegistry registry = FakeRegistry.start();
        RegistryClient client = new RegistryClient(RegistryHosts.defaults())) {
      UnavailableException e = assertThrows(UnavailableException.class,
          () -> client.search(registry.host(), "x", 25, RegistryAuth.ANONYMOUS));
      assertEquals("Unexpected status code 404", e.getMessage());
    }
  }
}
