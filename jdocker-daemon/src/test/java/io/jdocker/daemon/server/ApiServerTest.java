package io.jdocker.daemon.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdocker.daemon.api.ApiJson;
import io.jdocker.daemon.api.ResponseHeaders;
import io.jdocker.daemon.api.Router;
import io.jdocker.daemon.api.system.DaemonFacts;
import io.jdocker.daemon.api.system.HostFacts;
import io.jdocker.daemon.api.system.SystemRoutes;
import io.jdocker.daemon.engine.events.Event;
import io.jdocker.daemon.engine.events.EventBus;
import java.io.IOException;
import java.io.InputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiServerTest {
  @TempDir Path dir;
  private final EventBus events = new EventBus();
  private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
  private Path socket;
  private ApiServer server;

  @BeforeEach
  void start() throws IOException {
    socket = dir.resolve("api.sock");
    Router router = new Router();
    router.addAll(new SystemRoutes(new DaemonFacts("9.9.9", "c0ffee", "2026-01-01T00:00:00.000000000+00:00",
        "id", dir, false, List.of(), List.of(), List.of(), () -> 0), HostFacts.read(), events,
        (server, auth) -> ""));
    router.add("POST", "/count", (req, resp) -> {
      long n = 0;
      byte[] buf = new byte[8192];
      try (InputStream in = req.body()) {
        for (int r; (r = in.read(buf)) >= 0; ) {
          n += r;
        }
      }
      resp.json(200, Map.of("bytes", n));
    });
    server = ApiServer.start(socket, new ApiServerInitializer(router, handlers, new ResponseHeaders("9.9.9")));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    handlers.shutdownNow();
  }

  @Test
  void keepAliveConnectionServesPingThenVersion() throws IOException {
    try (RawHttpClient client = new RawHttpClient(socket)) {
      client.send("HEAD /_ping HTTP/1.1\r\nHost: api.moby.localhost\r\n\r\n");
      String[] ping = client.readResponse();
      assertTrue(ping[0].startsWith("HTTP/1.1 200 OK"), ping[0]);
      assertTrue(ping[0].contains("Api-Version: 1.44"), ping[0]);
      client.send("GET /v1.44/version HTTP/1.1\r\nHost: api.moby.localhost\r\n\r\n");
      String[] version = client.readResponse();
      assertTrue(version[0].contains("Server: jdocker/9.9.9 (linux)"), version[0]);
      assertEquals("9.9.9", ApiJson.mapper().readTree(version[1]).get("Version").asText());
    }
  }

  @Test
  void socketIsOwnerAndGroupOnly() throws IOException {
    assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
  }

  @Test
  void largeChunkedUploadStreamsThroughWithBackpressure() throws IOException {
    try (RawHttpClient client = new RawHttpClient(socket)) {
      client.send("POST /v1.44/count HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
      byte[] chunk = new byte[64 * 1024];
      int chunks = 128; // 8 MiB, far above the 1 MiB the server buffers
      for (int i = 0; i < chunks; i++) {
        client.send(Integer.toHexString(chunk.length) + "\r\n");
        client.send(chunk);
        client.send("\r\n");
      }
      client.send("0\r\n\r\n");
      String[] response = client.readResponse();
      assertEquals("{\"bytes\":" + (long) chunk.length * chunks + "}\n", response[1]);
    }
  }

  @Test
  void eventsStreamLiveEventsAndUnsubscribeWhenTheClientLeaves() throws Exception {
    try (RawHttpClient watcher = new RawHttpClient(socket)) {
      watcher.send("GET /v1.44/events?filters=%7B%22type%22%3A%7B%22image%22%3Atrue%7D%7D HTTP/1.1\r\nHost: x\r\n\r\n");
      String head = watcher.readUntil("\r\n\r\n"); // flushed at once, after subscribing
      assertTrue(head.contains("Transfer-Encoding: chunked"), head);
      assertEquals(1, eventListeners());
      events.publish(Event.now("container", "start", "c1", Map.of()));
      events.publish(Event.now("image", "tag", "sha256:1", Map.of("name", "a:1")));
      String line = watcher.readUntil("}\n");
      assertTrue(line.contains("\"Type\":\"image\"") && line.contains("\"Action\":\"tag\""), line);
      assertFalse(line.contains("container"), line);
    }
    // The handler notices the closed connection and drops its subscription.
    for (int i = 0; i < 6000 && eventListeners() != 0; i++) {
      Thread.sleep(10);
    }
    assertEquals(0, eventListeners());
  }

  @Test
  void closeRemovesTheSocketFile() {
    server.close();
    server = null;
    assertFalse(Files.exists(socket));
  }

  @Test
  void secondServerOnALiveSocketIsRefused() {
    assertThrows(SocketFiles.DaemonAlreadyRunningException.class, () -> SocketFiles.claim(socket));
  }

  @Test
  void staleSocketFileIsRemoved() throws IOException {
    Path stale = dir.resolve("stale.sock");
    ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)
        .bind(UnixDomainSocketAddress.of(stale)).close(); // leaves the file behind
    assertTrue(Files.exists(stale));
    SocketFiles.claim(stale);
    assertFalse(Files.exists(stale));
  }

  private int eventListeners() throws IOException {
    try (RawHttpClient client = new RawHttpClient(socket)) {
      client.send("GET /info HTTP/1.1\r\nHost: x\r\n\r\n");
      JsonNode info = ApiJson.mapper().readTree(client.readResponse()[1]);
      return info.get("NEventsListener").asInt();
    }
  }
}
