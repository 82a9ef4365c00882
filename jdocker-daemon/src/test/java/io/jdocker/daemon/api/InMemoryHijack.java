package io.jdocker.daemon.api;

import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * A {@link Hijack} for handler tests, with the test playing the client: {@link #send} stdin,
 * {@link #halfClose()} or {@link #closeByClient()}, then read what the handler wrote with
 * {@link #received()}, {@link #awaitReceived} or, for non-TTY streams, {@link #frames()}.
 * Thread-safe: the handler usually runs on its own thread.
 */
public final class InMemoryHijack implements Hijack {
  /** One multiplexed frame: stream 1 stdout, 2 stderr, 3 system error. */
  public record Frame(int stream, byte[] payload) {
    public String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return stream + ":" + text();
    }
  }

  private final RequestBodyStream input = new RequestBodyStream(() -> {});
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private final List<Runnable> closeCallbacks = new ArrayList<>();
  private final CountDownLatch serverClose = new CountDownLatch(1);
  private volatile boolean clientClosed;

  private final OutputStream output = new OutputStream() {
    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      synchronized (received) {
        if (clientClosed) {
          throw new IOException("client disconnected");
        }
        if (serverClose.getCount() == 0) {
          throw new IOException("connection closed by the server");
        }
        received.write(b, off, len);
        received.notifyAll();
      }
    }
  };

  // ---- the client's side

  /** Stdin bytes from the client. */
  public InMemoryHijack send(byte[] bytes) {
    input.offer(Unpooled.copiedBuffer(bytes));
    return this;
  }

  public InMemoryHijack send(String text) {
    return send(text.getBytes(StandardCharsets.UTF_8));
  }

  /** shutdown(SHUT_WR): stdin ends, the client still reads. */
  public void halfClose() {
    input.end();
  }

  /** The client closes the connection: callbacks run, stdin ends, writes fail. */
  public void closeByClient() {
    List<Runnable> callbacks;
    synchronized (received) {
      clientClosed = true;
      received.notifyAll();
    }
    synchronized (closeCallbacks) {
      callbacks = List.copyOf(closeCallbacks);
      closeCallbacks.clear();
    }
    input.end();
    callbacks.forEach(Runnable::run);
  }

  /** Everything the handler wrote so far. */
  public byte[] received() {
    synchronized (received) {
      return received.toByteArray();
    }
  }

  public String receivedText() {
    return new String(received(), StandardCharsets.UTF_8);
  }

  /** Blocks until at least {@code n} bytes were written (or the connection closed); returns them all. */
  public byte[] awaitReceived(int n) throws InterruptedException {
    synchronized (received) {
      while (received.size() < n && !clientClosed && serverClose.getCount() > 0) {
        received.wait();
      }
      return received.toByteArray();
    }
  }

  /** Blocks until the handler closed the connection (or returned, if the test closes for it). */
  public void awaitServerClose() throws InterruptedException {
    serverClose.await();
  }

  public boolean serverClosed() {
    return serverClose.getCount() == 0;
  }

  /** The output parsed as Docker's multiplexed frames; fails on a truncated frame. */
  public List<Frame> frames() {
    byte[] all = received();
    List<Frame> frames = new ArrayList<>();
    ByteBuffer buf = ByteBuffer.wrap(all);
    while (buf.hasRemaining()) {
      if (buf.remaining() < 8) {
        throw new IllegalStateException("truncated frame header: " + Arrays.toString(all));
      }
      int stream = buf.get() & 0xff;
      buf.position(buf.position() + 3);
      int length = buf.getInt();
      if (buf.remaining() < length) {
        throw new IllegalStateException("frame of " + length + " bytes has only " + buf.remaining());
      }
      byte[] payload = new byte[length];
      buf.get(payload);
      frames.add(new Frame(stream, payload));
    }
    return frames;
  }

  // ---- the handler's side

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
    synchronized (received) {
      serverClose.countDown();
      received.notifyAll();
    }
    input.end();
  }
}
