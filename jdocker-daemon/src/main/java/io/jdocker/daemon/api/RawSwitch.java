package io.jdocker.daemon.api;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpServerCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Takes the HTTP handlers out of a connection's pipeline for a hijack. Removing a decoder hands
 * the bytes it had buffered but not parsed (stdin sent right behind the request) down the
 * pipeline as plain ByteBufs, and stops it from parsing further, even in the middle of a read.
 */
final class RawSwitch {
  private static final String HTTP_PACKAGE = "io.netty.handler.codec.http";

  private RawSwitch() {}

  /**
   * Stops HTTP parsing after the current request; the encoder stays for an error answer. Call
   * from the event loop while handling the request's last content.
   */
  static void stopDecoding(ChannelPipeline pipeline) {
    HttpServerCodec codec = pipeline.get(HttpServerCodec.class);
    if (codec != null) {
      codec.removeInboundHandler();
    }
  }

  /** Removes the codec and every other HTTP handler: from now on only raw bytes flow. */
  static void removeHttp(ChannelPipeline pipeline) {
    List<ChannelHandler> http = new ArrayList<>();
    for (Map.Entry<String, ChannelHandler> entry : pipeline) {
      if (entry.getValue().getClass().getName().startsWith(HTTP_PACKAGE)) {
        http.add(entry.getValue());
      }
    }
    for (ChannelHandler handler : http) {
      if (pipeline.context(handler) != null) {
        pipeline.remove(handler);
      }
    }
  }

  /** While a request body is still arriving: drop only the encoder so raw bytes can go out. */
  static void stopEncoding(ChannelPipeline pipeline) {
    HttpServerCodec codec = pipeline.get(HttpServerCodec.class);
    if (codec != null) {
      codec.removeOutboundHandler();
    }
  }
}
