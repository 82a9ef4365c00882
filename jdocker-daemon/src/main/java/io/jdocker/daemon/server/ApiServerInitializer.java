package io.jdocker.daemon.server;

import io.jdocker.daemon.api.ApiDispatcher;
import io.jdocker.daemon.api.ResponseHeaders;
import io.jdocker.daemon.api.Router;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The pipeline of one API connection: HTTP/1.1 codec, 100-continue, then the dispatcher. Header
 * limits are raised above Netty's defaults because {@code filters} queries and
 * {@code X-Registry-Auth} headers can be long.
 */
public final class ApiServerInitializer extends ChannelInitializer<Channel> {
  static final String CODEC = "http-codec";
  static final String EXPECT_CONTINUE = "expect-continue";
  static final String DISPATCHER = "api-dispatcher";

  private final Router router;
  private final Executor handlerExecutor;
  private final ResponseHeaders headers;

  public ApiServerInitializer(Router router, Executor handlerExecutor, ResponseHeaders headers) {
    this.router = Objects.requireNonNull(router, "router");
    this.handlerExecutor = Objects.requireNonNull(handlerExecutor, "handlerExecutor");
    this.headers = Objects.requireNonNull(headers, "headers");
  }

  @Override
  protected void initChannel(Channel channel) {
    ChannelPipeline pipeline = channel.pipeline();
    pipeline.addLast(CODEC, new HttpServerCodec(new HttpDecoderConfig()
        .setMaxInitialLineLength(64 * 1024)
        .setMaxHeaderSize(256 * 1024)
        .setMaxChunkSize(64 * 1024)));
    pipeline.addLast(EXPECT_CONTINUE, new HttpServerExpectContinueHandler());
    pipeline.addLast(DISPATCHER, new ApiDispatcher(router, handlerExecutor, headers));
  }
}
