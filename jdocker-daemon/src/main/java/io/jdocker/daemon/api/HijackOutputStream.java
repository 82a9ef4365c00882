package io.jdocker.daemon.api;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * {@link Hijack#output()}: each write becomes one flushed socket write, so frames and keystroke
 * echoes reach the client without an explicit flush. When the channel stops being writable the
 * writer waits until its bytes have reached the socket, which bounds the memory a fast process
 * writing to a slow client can pin. Synchronized so that stdout and stderr pumps can share it.
 */
final class HijackOutputStream extends OutputStream {
  static final int MAX_WRITE = 64 << 10;

  private final Channel channel;
  private volatile boolean shut;

  HijackOutputStream(Channel channel) {
    this.channel = channel;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    while (len > 0) {
      int n = Math.min(len, MAX_WRITE);
      send(Unpooled.copiedBuffer(b, off, n));
      off += n;
      len -= n;
    }
  }

  /** Writes go out at once; nothing to flush. */
  @Override
  public void flush() throws IOException {
    ensureOpen();
  }

  /** The connection stays open: {@link Hijack#close()} ends it. */
  @Override
  public void close() {}

  /**
   * Closes the channel once everything written so far has been sent (Netty's close would drop
   * what still waits in the outbound buffer). Not synchronized: a writer blocked on a slow
   * client must not block the close. Idempotent.
   */
  void shutdown() {
    if (shut) {
      return;
    }
    shut = true;
    channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
  }

  private void send(ByteBuf buf) throws IOException {
    try {
      ensureOpen();
    } catch (IOException e) {
      buf.release();
      throw e;
    }
    ChannelFuture written = channel.writeAndFlush(buf);
    if (!channel.isWritable()) {
      written.awaitUninterruptibly();
    }
    if (written.isDone() && !written.isSuccess()) {
      throw new IOException("client disconnected", written.cause());
    }
  }

  private void ensureOpen() throws IOException {
    if (shut) {
      throw new IOException("connection closed by the server");
    }
    if (!channel.isActive()) {
      throw new IOException("client disconnected");
    }
  }
}
