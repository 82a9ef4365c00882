package io.jdocker.daemon.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.daemon.api.Hijack;
import io.jdocker.daemon.api.ResponseHeaders;
import io.jdocker.daemon.api.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hijacked connections over a real Unix socket, with the transport and half-closure of production. */
class HijackServerTest {
  private static final String RAW = "application/vnd.docker.raw-stream";
  private static final int BULK = 50 << 20;
  private static final int SLICE = 64 << 10;
  /** Far below 50 MiB: Netty's 1 MiB input mark, socket buffers and one read burst. */
  private static final long BOUND = 8 << 20;
  private static final int FLOOD = 64 << 20;

  @TempDir Path dir;
  private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
  private Path socket;
  private ApiServer server;

  private final AtomicBoolean halfCloseLookedLikeClose = new AtomicBoolean();
  private final AtomicBoolean disconnectCallback = new AtomicBoolean();
  private final CountDownLatch clientGone = new CountDownLatch(1);
  private final CompletableFuture<String> afterClientClosed = new CompletableFuture<>();
  private final CompletableFuture<Long> floodCrc = new CompletableFuture<>();
  private final AtomicLong serverRead = new AtomicLong();
  private final AtomicLong serverWritten = new AtomicLong();
  private final AtomicLong clientSent = new AtomicLong();
  private final AtomicLong clientRead = new AtomicLong();
  private final AtomicLong maxInputBacklog = new AtomicLong();
  private final AtomicLong maxOutputBacklog = new AtomicLong();

  record StartConfig(boolean Detach, boolean Tty) {}

  @BeforeEach
  void start() throws IOException {
    socket = dir.resolve("api.sock");
    Router router = new Router();
    router.add("POST", "/echo", (req, resp) -> {
      req.onDisconnect(() -> disconnectCallback.set(true));
      Hijack hijack = resp.hijack(RAW);
      hijack.input().transferTo(hijack.output());
      halfCloseLookedLikeClose.set(hijack.clientClosed());
      hijack.output().write("bye\n".getBytes(StandardCharsets.US_ASCII));
      hijack.close();
    });
    router.add("POST", "/watch", (req, resp) -> {
      Hijack hijack = resp.hijack(RAW);
      hijack.onClientClosed(clientGone::countDown);
      hijack.output().write("ready\n".getBytes(StandardCharsets.US_ASCII));
      clientGone.await();
      String outcome = "clientClosed=" + hijack.clientClosed() + " read=" + hijack.input().read();
      try {
        hijack.output().write('x');
        outcome += " write=ok";
      } catch (IOException expected) {
        outcome += " write=failed";
      }
      afterClientClosed.complete(outcome);
    });
    router.add("POST", "/exec/{id}/start", (req, resp) -> {
      StartConfig config = req.bodyJson(StartConfig.class);
      Hijack hijack = resp.hijack(RAW);
      String stdin = new String(hijack.input().readAllBytes(), StandardCharsets.US_ASCII);
      hijack.output().write((config + " " + stdin).getBytes(StandardCharsets.US_ASCII));
    });
    router.add("POST", "/bulk", (req, resp) -> {
      Hijack hijack = resp.hijack(RAW);
      Thread writer = Thread.ofVirtual().start(() -> writePattern(hijack.output()));
      CRC32 crc = new CRC32();
      byte[] buf = new byte[SLICE];
      InputStream in = hijack.input();
      for (int n; (n = in.read(buf)) >= 0; ) {
        crc.update(buf, 0, n);
        long read = serverRead.addAndGet(n);
        maxInputBacklog.accumulateAndGet(clientSent.get() - read, Math::max);
        Thread.sleep(1); // a slow consumer: the client must be held back, not buffered for
      }
      writer.join();
      hijack.output().write(String.format("%d %x", serverRead.get(), crc.getValue()).getBytes(StandardCharsets.US_ASCII));
    });
    router.add("POST", "/flood", (req, resp) -> {
      Hijack hijack = resp.hijack(RAW);
      hijack.input().transferTo(OutputStream.nullOutputStream()); // output only after the half-close
      CRC32 crc = new CRC32();
      byte[] slice = new byte[SLICE];
      for (int off = 0; off < FLOOD; off += SLICE) {
        fill(slice, off);
        crc.update(slice);
        hijack.output().write(slice);
      }
      floodCrc.complete(crc.getValue());
      hijack.close();
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

  private static String upgrade(String path) {
    return "POST /v1.44" + path + " HTTP/1.1\r\nHost: api.moby.localhost\r\nUser-Agent: Docker-Client/28.2.2 (linux)\r\n"
        + "Content-Length: 0\r\nConnection: Upgrade\r\nContent-Type: text/plain\r\nUpgrade: tcp\r\n\r\n";
  }

  @Test
  void rawEchoBothWaysThenHalfCloseEndsStdinWhileOutputContinuesUntilTheServerCloses() throws Exception {
    try (HijackClient client = new HijackClient(socket)) {
      client.send(upgrade("/echo"));
      assertEquals("HTTP/1.1 101 UPGRADED\r\nContent-Type: " + RAW + "\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n",
          client.readHead());
      client.send("ping\n");
      assertEquals("ping\n", client.readExactly(5));
      client.send("GET /_ping HTTP/1.1\r\n\r\n"); // not HTTP any more: echoed like any byte
      assertEquals("GET /_ping HTTP/1.1\r\n\r\n", client.readExactly(23));
      client.halfClose();
      assertEquals("bye\n", client.readToEnd(), "output after the half-close, then the server's close");
    }
    assertFalse(halfCloseLookedLikeClose.get());
    assertFalse(disconnectCallback.get());
  }

  /**
   * As {@code docker run} without -i: the CLI half-closes right after the 101 and the output
   * flows after, faster than it is read, so the socket's send buffer fills again and again.
   */
  @Test
  void everyByteWrittenAfterAnEarlyHalfCloseArrives() throws Exception {
    try (HijackClient client = new HijackClient(socket)) {
      client.send(upgrade("/flood"));
      client.halfClose();
      client.readHead();
      Thread.sleep(200); // reads slowly at first: the send buffer fills after the half-close
      CRC32 crc = new CRC32();
      byte[] buf = new byte[SLICE];
      long total = 0;
      for (int n; (n = client.in.read(buf, 0, buf.length)) >= 0; ) {
        crc.update(buf, 0, n);
        total += n;
      }
      assertEquals(FLOOD, total, "bytes received");
      assertEquals(floodCrc.get(1, TimeUnit.MINUTES), crc.getValue(), "checksum");
    }
  }

  @Test
  void fullCloseByTheClientIsClientGone() throws Exception {
    try (HijackClient client = new HijackClient(socket)) {
      client.send(upgrade("/watch"));
      client.readHead();
      assertEquals("ready\n", client.readExactly(6));
    }
    assertEquals("clientClosed=true read=-1 write=failed", afterClientClosed.get());
  }

  @Test
  void execBodyAndStdinInOneWriteLoseNoByte() throws Exception {
    String body = "{\"Detach\":false,\"Tty\":true,\"ConsoleSize\":[24,80]}";
    try (HijackClient client = new HijackClient(socket)) {
      client.send("POST /v1.44/exec/e1/start HTTP/1.1\r\nHost: api.moby.localhost\r\nContent-Length: " + body.length()
          + "\r\nConnection: Upgrade\r\nContent-Type: application/json\r\nUpgrade: tcp\r\n\r\n" + body
          + "echo typed-early\n");
      client.halfClose();
      assertTrue(client.readHead().startsWith("HTTP/1.1 101 UPGRADED\r\n"));
      assertEquals("StartConfig[Detach=false, Tty=true] echo typed-early\n", client.readToEnd());
    }
  }

  @Test
  void withoutUpgradeTheStreamFollowsA200AndRunsUntilClose() throws Exception {
    try (HijackClient client = new HijackClient(socket)) {
      client.send("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n");
      assertEquals("HTTP/1.1 200 OK\r\nContent-Type: " + RAW + "\r\n\r\n", client.readHead());
      client.send("abc");
      assertEquals("abc", client.readExactly(3));
      client.halfClose();
      assertEquals("bye\n", client.readToEnd());
    }
  }

  @Test
  void fiftyMegabytesEachWayWithBackpressureOnBothSides() throws Exception {
    try (HijackClient client = new HijackClient(socket)) {
      client.send(upgrade("/bulk"));
      client.readHead();
      CRC32 sentCrc = new CRC32();
      CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
        try {
          byte[] slice = new byte[SLICE];
          for (int off = 0; off < BULK; off += SLICE) {
            fill(slice, off);
            sentCrc.update(slice);
            client.out.write(slice);
            clientSent.addAndGet(SLICE);
          }
          client.halfClose();
        } catch (IOException e) {
          throw new RuntimeException(e);
        }
      }, Executors.newVirtualThreadPerTaskExecutor());
      byte[] expected = new byte[SLICE];
      byte[] got = new byte[SLICE];
      for (int off = 0; off < BULK; off += SLICE) {
        int n = client.in.readNBytes(got, 0, SLICE);
        assertEquals(SLICE, n, "output ended early at " + off);
        fill(expected, off);
        assertTrue(java.util.Arrays.equals(expected, got), "output differs in the slice at " + off);
        long read = clientRead.addAndGet(n);
        maxOutputBacklog.accumulateAndGet(serverWritten.get() - read, Math::max);
        Thread.sleep(1); // a slow reader: the handler's writes must wait, not pile up
      }
      sender.get(5, TimeUnit.MINUTES); // a guard against a hung test, not an assertion
      assertEquals(String.format("%d %x", BULK, sentCrc.getValue()), client.readToEnd());
    }
    assertTrue(maxInputBacklog.get() <= BOUND, "input backlog " + maxInputBacklog.get());
    assertTrue(maxOutputBacklog.get() <= BOUND, "output backlog " + maxOutputBacklog.get());
  }

  private void writePattern(OutputStream out) {
    byte[] slice = new byte[SLICE];
    try {
      for (int off = 0; off < BULK; off += SLICE) {
        fill(slice, off);
        out.write(slice);
        serverWritten.addAndGet(SLICE);
      }
    } catch (IOException e) {
      throw new RuntimeException(e);
    }
  }

  /** Position-dependent bytes, so a lost, doubled or reordered slice shows. */
  private static void fill(byte[] slice, int offset) {
    for (int i = 0; i < slice.length; i++) {
      slice[i] = (byte) ((offset + i) * 31 >>> 8);
    }
  }
}
