package io.jdocker.daemon.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.errdefs.NotFoundException;
import io.netty.channel.ChannelHandler;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hijack in memory. An EmbeddedChannel runs everything on the calling thread, so each test
 * lets the handler touch the channel only while the test thread waits (latches).
 */
class HijackDispatcherTest {
  static final String RAW = "application/vnd.docker.raw-stream";
  static final String MUX = "application/vnd.docker.multiplexed-stream";

  record StartConfig(boolean Detach, boolean Tty) {}

  private final CountDownLatch go = new CountDownLatch(1);
  private final AtomicReference<String> stdin = new AtomicReference<>();
  private final AtomicReference<StartConfig> startConfig = new AtomicReference<>();
  private final AtomicBoolean disconnectSeen = new AtomicBoolean();

  private final DispatcherHarness harness = new DispatcherHarness(routes -> {
    routes.add("POST", "/containers/{id}/attach", (req, resp) -> {
      req.onDisconnect(() -> disconnectSeen.set(true));
      Hijack hijack = resp.hijack(req.queryBool("tty", false) ? RAW : MUX);
      hijack.output().write("hi\n".getBytes(StandardCharsets.US_ASCII));
    });
    routes.add("POST", "/exec/{id}/start", (req, resp) -> {
      startConfig.set(req.bodyJson(StartConfig.class));
      go.await();
      Hijack hijack = resp.hijack(RAW);
      String in = new String(hijack.input().readAllBytes(), StandardCharsets.US_ASCII);
      stdin.set(in);
      hijack.output().write(("got " + in).getBytes(StandardCharsets.US_ASCII));
    });
    routes.add("POST", "/missing/attach", (req, resp) -> {
      throw new NotFoundException("No such container: missing");
    });
  });

  @AfterEach
  void close() {
    harness.close();
  }

  private static String attach(String query, boolean upgrade) {
    return "POST /v1.44/containers/c1/attach?" + query + " HTTP/1.1\r\nHost: api.moby.localhost\r\n"
        + "User-Agent: Docker-Client/28.2.2 (linux)\r\nContent-Length: 0\r\n"
        + (upgrade ? "Connection: Upgrade\r\nContent-Type: text/plain\r\nUpgrade: tcp\r\n" : "") + "\r\n";
  }

  @Test
  void upgradeIsAnswered101UpgradedWithExactlyDockerdsHeadersThenRawBytes() throws Exception {
    String raw = harness.exchange(attach("stream=1&stdout=1&stderr=1&tty=1", true));
    assertEquals("HTTP/1.1 101 UPGRADED\r\nContent-Type: " + RAW + "\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n"
        + "\r\nhi\n", raw);
  }

  @Test
  void contentTypeComesFromTheHandler() throws Exception {
    String raw = harness.exchange(attach("stream=1&stdout=1", true));
    assertTrue(raw.startsWith("HTTP/1.1 101 UPGRADED\r\nContent-Type: " + MUX + "\r\n"), raw);
  }

  @Test
  void withoutUpgradeTheAnswerIs200WithoutLengthOrChunking() throws Exception {
    String raw = harness.exchange(attach("stream=1&stdout=1&tty=1", false));
    assertEquals("HTTP/1.1 200 OK\r\nContent-Type: " + RAW + "\r\n\r\nhi\n", raw);
  }

  @Test
  void afterTheHandlerReturnsTheConnectionIsClosedAndFreeOfHttpHandlers() throws Exception {
    harness.exchange(attach("stream=1&stdout=1", true));
    assertFalse(harness.channel.isOpen());
    for (Map.Entry<String, ChannelHandler> entry : harness.channel.pipeline()) {
      assertFalse(entry.getValue().getClass().getName().startsWith("io.netty.handler.codec.http"),
          entry.getKey());
    }
  }

  @Test
  void stdinSentWithTheExecBodyInOneWriteIsNotLostAndHalfCloseEndsIt() throws Exception {
    String body = "{\"Detach\":false,\"Tty\":true,\"ConsoleSize\":[24,80]}";
    harness.write("POST /v1.44/exec/e1/start HTTP/1.1\r\nHost: api.moby.localhost\r\nContent-Length: "
        + body.length() + "\r\nConnection: Upgrade\r\nContent-Type: application/json\r\nUpgrade: tcp\r\n\r\n"
        + body + "ls -l\nGET / HTTP/1.1\r\n\r\n");
    harness.channel.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
    go.countDown(); // only now does the handler touch the channel
    harness.awaitHandlers();
    assertEquals(new StartConfig(false, true), startConfig.get());
    assertEquals("ls -l\nGET / HTTP/1.1\r\n\r\n", stdin.get(), "bytes behind the body are stdin, not HTTP");
    String raw = harness.readOutbound();
    assertTrue(raw.startsWith("HTTP/1.1 101 UPGRADED\r\n"), raw);
    assertTrue(raw.endsWith("\r\n\r\ngot ls -l\nGET / HTTP/1.1\r\n\r\n"), raw);
  }

  @Test
  void halfCloseOnAnUpgradedConnectionIsNotADisconnect() throws Exception {
    harness.write(attach("stream=1&stdout=1", true));
    harness.channel.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
    harness.awaitHandlers();
    assertFalse(disconnectSeen.get());
    assertTrue(harness.readOutbound().endsWith("\r\n\r\nhi\n"));
  }

  @Test
  void errorBeforeHijackIsPlainJsonAndEndsTheConnection() throws Exception {
    String raw = harness.exchange("POST /v1.44/missing/attach HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n"
        + "Connection: Upgrade\r\nUpgrade: tcp\r\n\r\nstdin");
    DispatcherHarness.Response r = DispatcherHarness.Response.parse(raw);
    assertEquals(404, r.status());
    assertEquals("{\"message\":\"No such container: missing\"}\n", r.body());
    assertEquals("1.44", r.headers().get("api-version"));
    assertEquals("", r.rest(), "the stdin bytes are not parsed as another request");
    assertFalse(harness.channel.isOpen());
  }

  @Test
  void plainRequestsKeepTheConnectionAndTheirHeaders() throws Exception {
    // A hijack-capable dispatcher still treats requests without Upgrade as before.
    DispatcherHarness.Response r = DispatcherHarness.Response.parse(harness.exchange(
        "POST /v1.44/missing/attach HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"));
    assertEquals(404, r.status());
    assertNull(r.headers().get("connection"));
    assertTrue(harness.channel.isOpen());
  }
}
