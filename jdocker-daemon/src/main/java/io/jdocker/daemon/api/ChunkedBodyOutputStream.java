package io.jdocker.daemon.api;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;

/**
 * The body of a chunked response, written from a handler thread. {@code flush()} sends what was
 * written as one chunk; large writes are cut into chunks of {@link #MAX_CHUNK}. When the socket
 * is not writable the writer waits for its chunk to drain (backpressure for {@code docker save}).
 * Once the client has gone every write throws IOException, so a streaming handler stops.
 */
final class ChunkedBodyOutputStream extends OutputStream {
  static final int MAX_CHUNK = 64 << 10;

  private final Channel channel;
  private final boolean discard;
  private final Consumer<ChannelFuture> onClose;
  private ByteBuf buffer;
  private boolean closed;

  /** {@code discard}: a HEAD request, headers only. {@code onClose} gets the last write. */
  ChunkedBodyOutputStream(Channel channel, boolean discard, Consumer<ChannelFuture> onClose) {
    this.channel = channel;
    this.discard = discard;
    this.onClose = onClose;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    ensureOpen();
    if (discard) {
      return;
    }
    while (len > 0) {
      if (buffer == null) {
        buffer = channel.alloc().buffer(Math.min(Math.max(len, 256), MAX_CHUNK));
      }
      int n = Math.min(len, MAX_CHUNK - buffer.readableBytes());
      buffer.writeBytes(b, off, n);
      off += n;
      len -= n;
      if (buffer.readableBytes() >= MAX_CHUNK) {
        sendChunk();
      }
    }
  }

  @Override
  public void flush() throws IOException {
    ensureOpen();
    sendChunk();
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (!channel.isActive()) {
      releaseBuffer();
      onClose.accept(null);
      return;
    }
    if (buffer != null && buffer.isReadable()) {
      channel.write(new DefaultHttpContent(buffer));
    } else {
      releaseBuffer();
    }
    buffer = null;
    onClose.accept(channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
  }

  /** Ends the stream without the terminating chunk: the client sees a truncated response. */
  void abandon() {
    closed = true;
    releaseBuffer();
  }

  private void sendChunk() throws IOException {
    if (buffer == null || !buffer.isReadable()) {
      return;
    }
    ByteBuf chunk = buffer;
    buffer = null;
    ChannelFuture written = channel.writeAndFlush(new DefaultHttpContent(chunk));
    if (!channel.isWritable()) {
      written.awaitUninterruptibly();
      if (!written.isSuccess()) {
        throw new IOException("client disconnected", written.cause());
      }
    }
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("response stream closed");
    }
    if (!channel.isActive()) {
      releaseBuffer();
      throw new IOException("client disconnected");
    }
  }

  private void releaseBuffer() {
    if (buffer != null) {
      buffer.release();
      buffer = null;
    }
  }
}
