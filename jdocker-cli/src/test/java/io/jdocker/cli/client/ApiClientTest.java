package io.jdocker.cli.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdocker.cli.training.FakeDaemon;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiClientTest {
  @TempDir
  Path dir;

  private FakeDaemon daemon(String apiVersion, FakeDaemon.Response response) throws Exception {
    return new FakeDaemon(dir.resolve("d.sock"), apiVersion, request -> response);
  }

  @ParameterizedTest
  @CsvSource({"'', /v1.24/info", "1.41, /v1.41/info", "1.44, /v1.44/info", "1.50, /v1.44/info", "1.9, /v1.9/info"})
  void negotiatesLikeTheDockerCli(String pingVersion, String expectedTarget) throws Exception {
    try (FakeDaemon d = daemon(pingVersion.isEmpty() ? null : pingVersion, FakeDaemon.Response.json(200, "{}"));
        ApiClient client = new ApiClient(DockerHost.parse(d.uri()), null)) {
      client.getJson("/info", null);
      List<FakeDaemon.Request> requests = d.requests();
      assertEquals("HEAD /_ping", requests.get(0).method() + " " + requests.get(0).target());
      assertEquals(expectedTarget, requests.get(1).target());
    }
  }

  @Test
  void pinnedVersionSkipsNegotiation() throws Exception {
    try (FakeDaemon d = daemon("1.44", FakeDaemon.Response.json(200, "{}"));
        ApiClient client = new ApiClient(DockerHost.parse(d.uri()), "1.40")) {
      client.getJson("/info", null);
      assertEquals("/v1.40/info", d.requests().get(1).target());
    }
  }

  @Test
  void decodesChunkedBodiesAndKeepsOneConnectionAlive() throws Exception {
    String big = "[" + "\"x\",".repeat(500) + "\"end\"]";
    try (FakeDaemon d = daemon("1.44", FakeDaemon.Response.json(200, big).chunkedBody());
        ApiClient client = new ApiClient(DockerHost.parse(d.uri()), null)) {
      for (int i = 0; i < 3; i++) {
        assertEquals(501, ((List<?>) client.getJson("/images/json", null)).size());
      }
      assertEquals(1, d.connections());
      assertEquals(4, d.requests().size());
    }
  }

  @Test
  void streamsRequestBodiesChunked() throws Exception {
    byte[] tar = new byte[100_000];
    for (int i = 0; i < tar.length; i++) {
      tar[i] = (byte) i;
    }
    try (FakeDaemon d = daemon("1.44", FakeDaemon.Response.json(200, "{\"status\":\"sha256:1\"}"));
        ApiClient client = new ApiClient(DockerHost.parse(d.uri()), null)) {
      HttpRequest request = HttpRequest.of("POST", "/images/create").withStream(new ByteArrayInputStream(tar), "text/plain");
      client.json(client.call(request, Query.of().put("fromSrc", "-").put("repo", "a b:c")));
      FakeDaemon.Request seen = d.requests().get(1);
      assertEquals("/v1.44/images/create?fromSrc=-&repo=a+b%3Ac", seen.target());
      assertEquals("chunked", seen.headers().get("transfer-encoding"));
      assertArrayEquals(tar, seen.body());
    }
  }

  @Test
  void failingBodySourceFailsTheCallInsteadOfWaitingForTheDaemon() throws Exception {
    java.io.InputStream broken = new java.io.InputStream() {
      @Override
      public int read() throws java.io.IOException {
        throw new java.io.IOException("Stream closed");
      }
    };
    try (FakeDaemon d = daemon("1.44", FakeDaemon.Response.json(200, "{}"));
        ApiClient client = new ApiClient(DockerHost.parse(d.uri()), null)) {
      HttpRequest request = HttpRequest.of("POST", "/images/load").withStream(broken, "application/x-tar");
      java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class, () -> client.call(request, null));
      assertEquals("Stream closed", e.getCause().getMessage());
      // the next call works on a fresh connection
      client.getJson("/info", null);
      assertEquals(2, d.connections());
    }
  }

  @Test
  void errorStatusCarriesTheDaemonsMessage() throws Exception {
    try (FakeDaemon d = daemon("1.44", FakeDaemon.Response.json(404, "{\"message\":\"No such image: nope:latest\"}"));
        ApiClient client = new ApiClient(DockerHost.parse(d.uri()), null)) {
      DaemonException e = assertThrows(DaemonException.class, () -> client.getJson("/images/nope/json", null));
      assertEquals(404, e.status());
      assertEquals("No such image: nope:latest", e.getMessage());
      // the connection is still usable after an error
      assertThrows(DaemonException.class, () -> client.getJson("/images/nope/json", null));
      assertEquals(1, d.connections());
    }
  }

  @Test
  void plainTextErrorsAreKept() throws Exception {
    FakeDaemon.Response text = new FakeDaemon.Response(400, Map.of("Content-Type", "text/plain"),
        "client version 1.11 is too old".getBytes(StandardCharsets.UTF_8), false);
    try (FakeDaemon d = daemon("1.44", text); ApiClient client = new ApiClient(DockerHost.parse(d.uri()), null)) {
      assertEquals("client version 1.11 is too old",
          assertThrows(DaemonException.class, () -> client.getJson("/version", null)).getMessage());
    }
  }

  @Test
  void missingSocketIsCannotConnect() {
    ApiClient client = new ApiClient(DockerHost.parse("unix://" + dir.resolve("absent.sock")), null);
    CannotConnectException e = assertThrows(CannotConnectException.class, client::version);
    assertEquals("Cannot connect to the Docker daemon at unix://" + dir.resolve("absent.sock")
        + ". Is the docker daemon running?", e.getMessage());
  }

  @Test
  void queryEncodesLikeGoUrlValues() {
    Query q = Query.of().put("repo", "reg:5000/x").add("names", "a").add("names", "b b").put("changes", "CMD [\"sh\"]");
    assertEquals("changes=CMD+%5B%22sh%22%5D&names=a&names=b+b&repo=reg%3A5000%2Fx", q.encode());
  }
}
