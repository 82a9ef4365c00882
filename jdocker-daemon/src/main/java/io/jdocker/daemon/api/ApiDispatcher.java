package io.jdocker.daemon.api;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last handler of the pipeline, after {@code HttpServerCodec} and
 * {@code HttpServerExpectContinueHandler}; one instance per connection. Checks the version
 * prefix, finds the route and runs its {@link Handler} on the blocking executor with the body
 * streamed to it. Requests on a keep-alive connection are served one after another: messages of
 * a pipelined next request wait in {@code pending} until the current response is complete.
 *
 * <p>A handler may {@linkplain ApiResponse#hijack hijack} the connection. For a request with an
 * {@code Upgrade} header, HTTP parsing stops right after the request (bytes behind it wait in
 * {@code pending}, autoRead off) so that stdin typed early is not taken for a next request. The
 * switch itself runs on the event loop: the HTTP handlers leave the pipeline, the head is
 * written and the pending bytes become the start of {@link Hijack#input()}. On a hijacked
 * connection a half-close ends the input only; elsewhere it counts as the client leaving.
 */
public final class ApiDispatcher extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(ApiDispatcher.class);

  private final Router router;
  private final Executor executor;
  private final ResponseHeaders headers;
  private final ArrayDeque<Object> pending = new ArrayDeque<>();
  private ChannelHandlerContext ctx;
  private Exchange current;
  private boolean inputShutdown;

  public ApiDispatcher(Router router, Executor executor, ResponseHeaders headers) {
    this.router = Objects.requireNonNull(router, "router");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.headers = Objects.requireNonNull(headers, "headers");
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    Exchange exchange = current;
    if (exchange != null && exchange.hijack != null && exchange.requestComplete && pending.isEmpty()) {
      stdin(exchange, msg);
      return;
    }
    if (!pending.isEmpty() || (current != null && current.requestComplete)) {
      pending.addLast(msg);
      updateAutoRead();
      return;
    }
    process(msg);
  }

  private void process(Object msg) {
    try {
      if (msg instanceof HttpRequest request) {
        begin(request);
      }
      if (msg instanceof HttpContent content && current != null && !current.requestComplete) {
        receive(current, content);
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void begin(HttpRequest request) {
    // As dockerd: the presence of Upgrade asks for 101; such a connection never serves HTTP again.
    boolean upgrade = request.headers().contains(HttpHeaderNames.UPGRADE);
    boolean keepAlive = HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess() && !upgrade;
    Exchange exchange = new Exchange(keepAlive, upgrade);
    current = exchange;
    boolean head = request.method().equals(HttpMethod.HEAD);
    HttpApiResponse response = new HttpApiResponse(ctx.channel(), headers, head, keepAlive,
        () -> onEventLoop(() -> responseDone(exchange)));
    if (request.decoderResult().isFailure()) {
      response.text(400, "text/plain; charset=utf-8",
          "bad request: " + request.decoderResult().cause().getMessage());
      return;
    }
    RequestTarget target = RequestTarget.parse(request.uri());
    LOG.debug("{} {}", request.method(), request.uri());
    if (target.tooNew()) {
      response.json(400, Map.of("message", target.tooNewMessage()));
    } else if (target.tooOld()) {
      response.text(400, "text/plain; charset=utf-8", target.tooOldMessage());
    } else if (request.method().equals(HttpMethod.OPTIONS)) {
      response.empty(200);
    } else {
      Router.Match match = router.match(request.method().name(), target.path());
      if (match == null) {
        response.withoutApiVersion().json(404, Map.of("message", "page not found"));
      } else {
        response.hijackable(upgrade, headBytes -> startHijack(exchange, headBytes));
        exchange.body = new RequestBodyStream(() -> onEventLoop(() -> resume(exchange)));
        exchange.request = new HttpApiRequest(request, target, match.rawParams(), exchange.body);
        HttpApiRequest apiRequest = exchange.request;
        InputStream body = exchange.body;
        executor.execute(() -> run(match.handler(), apiRequest, response, body));
      }
    }
  }

  private void receive(Exchange exchange, HttpContent content) {
    if (exchange.body != null && content.content().isReadable()) {
      if (exchange.body.offer(content.content().retain())) {
        exchange.bodyPaused = true;
        updateAutoRead();
      }
    }
    if (content instanceof LastHttpContent) {
      exchange.requestComplete = true;
      if (exchange.body != null) {
        exchange.body.end();
      }
      if (exchange.hijack != null) {
        RawSwitch.removeHttp(ctx.pipeline()); // re-enters channelRead with any buffered stdin
      } else if (exchange.upgrade) {
        RawSwitch.stopDecoding(ctx.pipeline()); // re-enters channelRead: the bytes wait in pending
      }
      if (exchange.responseComplete) {
        finish(exchange);
      }
    }
  }

  /** On the handler's thread: the switch itself happens on the event loop. */
  private HijackedConnection startHijack(Exchange exchange, byte[] head) {
    HijackedConnection connection =
        new HijackedConnection(ctx.channel(), () -> onEventLoop(() -> resume(exchange)));
    onEventLoop(() -> activate(exchange, connection, head));
    return connection;
  }

  /** On the event loop, after the handler called hijack(): the connection carries raw bytes. */
  private void activate(Exchange exchange, HijackedConnection connection, byte[] head) {
    exchange.hijack = connection;
    if (exchange.requestComplete) {
      RawSwitch.removeHttp(ctx.pipeline());
    } else {
      RawSwitch.stopEncoding(ctx.pipeline()); // the decoder still has body to deliver
    }
    ctx.writeAndFlush(Unpooled.wrappedBuffer(head));
    if (exchange.requestComplete) {
      Object msg;
      while ((msg = pending.pollFirst()) != null) {
        stdin(exchange, msg);
      }
    }
    if (inputShutdown) {
      inputOver(connection);
    }
    if (!ctx.channel().isActive()) {
      connection.channelClosed();
    }
    updateAutoRead();
  }

  /** Raw bytes from the client of a hijacked connection. */
  private void stdin(Exchange exchange, Object msg) {
    if (msg instanceof ByteBuf bytes) {
      if (exchange.hijack.received(bytes)) {
        exchange.bodyPaused = true;
        updateAutoRead();
      }
    } else {
      // HTTP messages parsed from stdin before a hijack without Upgrade: the bytes are lost.
      ReferenceCountUtil.release(msg);
    }
  }

  private static void run(Handler handler, HttpApiRequest request, HttpApiResponse response, InputStream body) {
    try {
      handler.handle(request, response);
      response.finish();
    } catch (Throwable failure) {
      if (!response.started()) {
        try {
          ApiErrors.write(response, failure);
        } catch (Throwable writeFailure) {
          // Even an Error here (e.g. NoClassDefFoundError when the jar was replaced under a
          // running daemon) must end the exchange, or the client waits forever.
          LOG.warn("could not send error response", writeFailure);
          response.abort();
        }
      } else {
        LOG.debug("{} {} failed after its response started: {}", request.method(), request.path(),
            failure.toString());
        response.abort();
      }
    } finally {
      try {
        body.close();
      } catch (IOException ignored) {
        // RequestBodyStream.close never throws
      }
    }
  }

  private void responseDone(Exchange exchange) {
    exchange.responseComplete = true;
    if (exchange.requestComplete) {
      finish(exchange);
    }
  }

  private void finish(Exchange exchange) {
    if (current != exchange) {
      return;
    }
    current = null;
    if (!exchange.keepAlive || exchange.hijack != null) {
      releasePending();
      return;
    }
    if (inputShutdown) {
      releasePending();
      ctx.close();
      return;
    }
    while (!pending.isEmpty() && (current == null || !current.requestComplete)) {
      process(pending.pollFirst());
    }
    updateAutoRead();
  }

  private void resume(Exchange exchange) {
    exchange.bodyPaused = false;
    updateAutoRead();
  }

  private void updateAutoRead() {
    if (inputShutdown) {
      // Nothing is left to read, and Netty 4.2.18's epoll registration fails (ENOENT) when
      // reading is re-enabled after the input has been shut down.
      return;
    }
    boolean wanted = pending.isEmpty() && (current == null || !current.bodyPaused);
    if (ctx.channel().config().isAutoRead() != wanted) {
      ctx.channel().config().setAutoRead(wanted);
    }
  }

  private void onEventLoop(Runnable task) {
    if (ctx.executor().inEventLoop()) {
      task.run();
    } else {
      try {
        ctx.executor().execute(task);
      } catch (RejectedExecutionException shutDown) {
        // The server stopped while a handler still ran: its connection is gone already.
        LOG.debug("event loop shut down; dropped a task of {}", ctx.channel());
      }
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof ChannelInputShutdownEvent) {
      inputShutdown = true;
      if (current != null && current.raw()) {
        stdinEnded(current);
      } else if (current == null) {
        ctx.close();
      } else {
        clientGone();
      }
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    clientGone();
    releasePending();
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof IOException) {
      LOG.debug("connection failed: {}", cause.toString());
    } else {
      LOG.warn("connection failed", cause);
    }
    ctx.close();
  }

  /** A half-close on a (to be) hijacked connection: stdin EOF, the client still reads. */
  private void stdinEnded(Exchange exchange) {
    if (!exchange.requestComplete && exchange.body != null) {
      exchange.body.fail(new IOException("client closed its side before sending the whole request body"));
    }
    if (exchange.hijack != null && pending.isEmpty()) {
      inputOver(exchange.hijack);
    } // otherwise activate() ends the input after the pending bytes
  }

  /** Stdin EOF; if the client in fact closed both ways it is gone, and so is the connection. */
  private void inputOver(HijackedConnection connection) {
    connection.inputEnded();
    if (PeerHangup.detected(ctx.channel())) {
      ctx.close();
    }
  }

  private void clientGone() {
    Exchange exchange = current;
    if (exchange != null && exchange.request != null) {
      if (!exchange.requestComplete) {
        exchange.body.fail(new IOException("client disconnected before sending the whole request body"));
      }
      if (exchange.hijack == null) {
        exchange.request.disconnected();
      }
    }
    if (exchange != null && exchange.hijack != null) {
      exchange.hijack.channelClosed();
      if (exchange.hijack.clientClosed()) {
        exchange.request.disconnected();
      }
    }
  }

  private void releasePending() {
    Object msg;
    while ((msg = pending.pollFirst()) != null) {
      ReferenceCountUtil.release(msg);
    }
  }
}
