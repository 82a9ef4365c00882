package io.jdocker.daemon.api;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@link ApiResponse} over a Netty channel. Called from the handler's thread (Netty queues the
 * writes onto the event loop in order) or, for the dispatcher's own answers, from the loop.
 * {@code onComplete} runs once, after the last write of the response was queued.
 */
final class HttpApiResponse implements ApiResponse {
  private enum State { OPEN, STREAMING, HIJACKED, DONE }

  /** Switches the connection to raw bytes, {@code head} first; supplied by the dispatcher. */
  @FunctionalInterface
  interface Hijacker {
    HijackedConnection start(byte[] head);
  }

  // Go's canonical spelling, as dockerd sends them (HTTP itself is case-insensitive).
  private static final io.netty.util.AsciiString CONTENT_TYPE = io.netty.util.AsciiString.cached("Content-Type");
  private static final io.netty.util.AsciiString TRANSFER_ENCODING = io.netty.util.AsciiString.cached("Transfer-Encoding");
  private static final io.netty.util.AsciiString CONTENT_LENGTH = io.netty.util.AsciiString.cached("Content-Length");

  private final Channel channel;
  private final ResponseHeaders common;
  private final boolean head;
  private final boolean keepAlive;
  private final Runnable onComplete;
  private final HttpHeaders extra = new DefaultHttpHeaders();
  private volatile State state = State.OPEN;
  private ChunkedBodyOutputStream stream;
  private Hijacker hijacker;
  private boolean upgrade;
  private HijackedConnection hijack;
  private boolean withApiVersion = true;
  private boolean completed;

  HttpApiResponse(Channel channel, ResponseHeaders common, boolean head, boolean keepAlive,
      Runnable onComplete) {
    this.channel = channel;
    this.common = common;
    this.head = head;
    this.keepAlive = keepAlive;
    this.onComplete = onComplete;
  }

  /** Allows {@link #hijack}; {@code upgrade}: the request asked for it, so answer 101, not 200. */
  HttpApiResponse hijackable(boolean upgrade, Hijacker hijacker) {
    this.upgrade = upgrade;
    this.hijacker = hijacker;
    return this;
  }

  HttpApiResponse withoutApiVersion() {
    withApiVersion = false;
    return this;
  }

  @Override
  public void json(int status, Object body) {
    full(status, "application/json", ApiJson.line(body));
  }

  @Override
  public void empty(int status) {
    full(status, null, new byte[0]);
  }

  @Override
  public void text(int status, String contentType, String body) {
    full(status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public ApiResponse header(String name, String value) {
    extra.add(name, value);
    return this;
  }

  @Override
  public OutputStream stream(int status, String contentType) {
    begin(State.STREAMING);
    HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status));
    prepare(response.headers(), contentType);
    response.headers().set(TRANSFER_ENCODING, "chunked");
    channel.writeAndFlush(response);
    stream = new ChunkedBodyOutputStream(channel, head, this::streamClosed);
    return stream;
  }

  @Override
  public JsonStream jsonStream(int status) {
    OutputStream out = stream(status, "application/json");
    return new JsonStream() {
      @Override
      public void write(Object message) throws IOException {
        out.write(ApiJson.progressLine(message));
        out.flush();
      }

      @Override
      public void close() throws IOException {
        out.close();
      }
    };
  }

  @Override
  public Hijack hijack(String contentType) {
    java.util.Objects.requireNonNull(contentType, "contentType");
    if (hijacker == null) {
      throw new UnsupportedOperationException("this response cannot be hijacked");
    }
    byte[] headBytes = HijackHead.bytes(upgrade, contentType, extra);
    begin(State.HIJACKED);
    hijack = hijacker.start(headBytes);
    return hijack;
  }

  boolean started() {
    return state != State.OPEN;
  }

  /** After the handler returned: a handler that never answered gets 200 with no body, as in Go. */
  void finish() throws IOException {
    switch (state) {
      case OPEN -> empty(200);
      case STREAMING -> stream.close();
      case HIJACKED -> {
        hijack.close();
        complete();
      }
      case DONE -> {}
    }
  }

  /** The handler failed mid-stream: cut the connection so the client sees the failure. */
  void abort() {
    if (hijack != null) {
      hijack.close(); // what the handler wrote (an error frame, say) still reaches the client
      complete();
      return;
    }
    if (stream != null) {
      stream.abandon();
    }
    channel.close();
    complete();
  }

  private void full(int status, String contentType, byte[] body) {
    begin(State.DONE);
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.valueOf(status), head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
    prepare(response.headers(), contentType);
    if (status != 204 && status != 304 && status >= 200) {
      response.headers().setInt(CONTENT_LENGTH, body.length);
    }
    ChannelFuture written = channel.writeAndFlush(response);
    if (!keepAlive) {
      written.addListener(ChannelFutureListener.CLOSE);
    }
    complete();
  }

  private void streamClosed(ChannelFuture last) {
    if (last != null && !keepAlive) {
      last.addListener(ChannelFutureListener.CLOSE);
    }
    complete();
  }

  private void begin(State next) {
    if (state != State.OPEN) {
      throw new IllegalStateException("response already sent");
    }
    state = next;
  }

  private void prepare(HttpHeaders headers, String contentType) {
    common.apply(headers, withApiVersion);
    if (contentType != null) {
      headers.set(CONTENT_TYPE, contentType);
    }
    headers.add(extra);
    if (!keepAlive) {
      headers.set(HttpHeaderNames.CONNECTION, "close");
    }
  }

  private void complete() {
    state = State.DONE;
    if (!completed) {
      completed = true;
      onComplete.run();
    }
  }
}
