package io.jdocker.daemon.api;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Hijack} over a Netty channel. The dispatcher feeds it from the event loop
 * ({@link #received}, {@link #inputEnded}, {@link #channelClosed}); the handler uses the streams
 * from its own threads.
 */
final class HijackedConnection implements Hijack {
  private final HijackOutputStream output;
  private final RequestBodyStream input;
  private final List<Runnable> closeCallbacks = new ArrayList<>(1);
  private volatile boolean clientClosed;
  private volatile boolean serverClosed;

  /** {@code resumeReading} runs on a reader's thread once buffered input has drained. */
  HijackedConnection(Channel channel, Runnable resumeReading) {
    this.output = new HijackOutputStream(channel);
    this.input = new RequestBodyStream(resumeReading);
  }

  @Override
  public OutputStream output() {
    return output;
  }

  @Override
  public InputStream input() {
    return input;
  }

  @Override
  public boolean clientClosed() {
    return clientClosed;
  }

  @Override
  public void onClientClosed(Runnable callback) {
    synchronized (closeCallbacks) {
      if (!clientClosed) {
        closeCallbacks.add(callback);
        return;
      }
    }
    callback.run();
  }

  @Override
  public void close() {
    serverClosed = true;
    input.end();
    output.shutdown();
  }

  /** Takes ownership of {@code bytes}; true when the socket should not be read for now. */
  boolean received(ByteBuf bytes) {
    return input.offer(bytes);
  }

  /** The client half-closed: stdin is over, output goes on. */
  void inputEnded() {
    input.end();
  }

  /** The channel closed: by the client unless {@link #close} came first. */
  void channelClosed() {
    input.end();
    if (serverClosed) {
      return;
    }
    List<Runnable> callbacks;
    synchronized (closeCallbacks) {
      if (clientClosed) {
        return;
      }
      clientClosed = true;
      callbacks = List.copyOf(closeCallbacks);
      closeCallbacks.clear();
    }
    callbacks.forEach(Runnable::run);
  }
}
