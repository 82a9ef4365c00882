package io.jdocker.daemon.api;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.HttpContent;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last handler of the pipeline, after {@code HttpServerCodec} and
 * {@code HttpServerExpectContinueHandler}; one instance per connection. Checks the version
 * prefix, finds the route and runs its {@link Handler} on the blocking executor with the body
 * streamed to it. Requests on a keep-alive connection are served one after another: messages of
 * a pipelined next request wait in {@code pending} until the current response is complete.
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

  /** One request/response pair; fields are touched on the event loop only. */
  private final class Exchange {
    final boolean keepAlive;
    RequestBodyStream body;
    HttpApiRequest request;
    boolean requestComplete;
    boolean responseComplete;
    boolean bodyPaused;

    Exchange(boolean keepAlive) {
      this.keepAlive = keepAlive;
    }
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
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
    boolean keepAlive = HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess();
    Exchange exchange = new Exchange(keepAlive);
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
      if (exchange.responseComplete) {
        finish(exchange);
      }
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
        } catch (RuntimeException writeFailure) {
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
    if (!exchange.keepAlive) {
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
    boolean wanted = pending.isEmpty() && (current == null || !current.bodyPaused);
    if (ctx.channel().config().isAutoRead() != wanted) {
      ctx.channel().config().setAutoRead(wanted);
    }
  }

  private void onEventLoop(Runnable task) {
    if (ctx.executor().inEventLoop()) {
      task.run();
    } else {
      ctx.executor().execute(task);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof ChannelInputShutdownEvent) {
      inputShutdown = true;
      if (current == null) {
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

  private void clientGone() {
    Exchange exchange = current;
    if (exchange != null && exchange.request != null) {
      if (!exchange.requestComplete) {
        exchange.body.fail(new IOException("client disconnected before sending the whole request body"));
      }
      exchange.request.disconnected();
    }
  }

  private void releasePending() {
    Object msg;
    while ((msg = pending.pollFirst()) != null) {
      ReferenceCountUtil.release(msg);
    }
  }
}
