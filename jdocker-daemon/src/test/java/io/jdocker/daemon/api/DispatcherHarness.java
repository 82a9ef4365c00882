package io.jdocker.daemon.api;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The real pipeline in an EmbeddedChannel, with handlers on virtual threads. The test thread
 * touches the channel only while no handler runs ({@link #awaitHandlers}), since an embedded
 * channel has no event-loop thread of its own.
 */
public final class DispatcherHarness implements AutoCloseable {
  private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
  private final List<Future<?>> tasks = new CopyOnWriteArrayList<>();
  public final EmbeddedChannel channel;

  public DispatcherHarness(RouteGroup... groups) {
    Router router = new Router();
    for (RouteGroup g : groups) {
      router.addAll(g);
    }
    channel = new EmbeddedChannel(new HttpServerCodec(), new HttpServerExpectContinueHandler(),
        new ApiDispatcher(router, r -> tasks.add(pool.submit(r)), new ResponseHeaders("test")));
  }

  /** Sends raw request bytes, waits for the handlers and returns everything written back. */
  public String exchange(String raw) throws Exception {
    write(raw);
    awaitHandlers();
    return readOutbound();
  }

  public Response request(String raw) throws Exception {
    return Response.parse(exchange(raw));
  }

  public void write(String raw) {
    channel.writeInbound(Unpooled.copiedBuffer(raw, StandardCharsets.ISO_8859_1));
  }

  public void awaitHandlers() throws Exception {
    // A finishing handler may start the next pipelined request's handler: drain until none is left.
    while (!tasks.isEmpty()) {
      tasks.removeFirst().get(60, TimeUnit.SECONDS); // a guard against a hung test, not an assertion
    }
    channel.runPendingTasks();
  }

  public String readOutbound() {
    StringBuilder out = new StringBuilder();
    Object msg;
    while ((msg = channel.readOutbound()) != null) {
      ByteBuf buf = (ByteBuf) msg;
      out.append(buf.toString(StandardCharsets.UTF_8));
      buf.release();
    }
    return out.toString();
  }

  @Override
  public void close() {
    channel.finishAndReleaseAll();
    pool.shutdownNow();
  }

  /** One HTTP response parsed from raw text; chunked bodies are de-chunked. */
  public record Response(int status, Map<String, String> headers, String body, String rest) {
    public static Response parse(String raw) {
      return parse(raw, false);
    }

    /** {@code head}: the response to a HEAD request, which has headers only. */
    public static Response parse(String raw, boolean head) {
      int headEnd = raw.indexOf("\r\n\r\n");
      String[] lines = raw.substring(0, headEnd).split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
      }
      int pos = headEnd + 4;
      StringBuilder body = new StringBuilder();
      if ("chunked".equals(headers.get("transfer-encoding"))) {
        while (true) {
          int lineEnd = raw.indexOf("\r\n", pos);
          int size = Integer.parseInt(raw.substring(pos, lineEnd), 16);
          pos = lineEnd + 2;
          if (size == 0) {
            pos += 2;
            break;
          }
          body.append(raw, pos, pos + size);
          pos += size + 2;
        }
      } else if (headers.containsKey("content-length") && !head) {
        int length = Integer.parseInt(headers.get("content-length"));
        body.append(raw, pos, Math.min(raw.length(), pos + length));
        pos += body.length();
      }
      return new Response(status, headers, body.toString(), raw.substring(pos));
    }
  }
}
