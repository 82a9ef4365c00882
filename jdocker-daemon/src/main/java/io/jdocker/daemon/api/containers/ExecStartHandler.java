package io.jdocker.daemon.api.containers;

import io.jdocker.daemon.api.ApiRequest;
import io.jdocker.daemon.api.ApiResponse;
import io.jdocker.daemon.api.Handler;
import io.jdocker.daemon.api.Hijack;
import io.jdocker.daemon.api.streams.MultiplexedOutput;
import io.jdocker.errdefs.EngineException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * {@code POST /exec/{id}/start}: with {@code Detach} starts the process and answers 200; otherwise
 * hijacks first (as dockerd, so a start failure reaches the client as stream text followed by
 * {@code \r\n}), then copies the process's output (raw with a TTY, else multiplexed) and the
 * client's stdin. The client's EOF closes the process's stdin (non-TTY) or ends the stream (TTY,
 * as dockerd); the stream closes once the process's output has ended and its exit is recorded.
 */
final class ExecStartHandler implements Handler {
  static final int BUFFER_SIZE = 64 * 1024;
  /** Blocking pipe and pty I/O pins a virtual thread's carrier: the copies get platform threads. */
  private static final ThreadFactory COPY_THREADS =
      Thread.ofPlatform().daemon().stackSize(256 * 1024).name("exec-io").factory();

  private final ExecBackend backend;

  ExecStartHandler(ExecBackend backend) {
    this.backend = backend;
  }

  @Override
  public void handle(ApiRequest q, ApiResponse response) throws Exception {
    String id = q.pathParam("id");
    ExecStartRequest request = ExecRoutes.parse(q, ExecStartRequest.class, new ExecStartRequest(false, false, null));
    backend.requireExists(id);
    if (request.detach()) {
      backend.start(id, request);
      response.empty(200);
      return;
    }
    boolean tty = backend.inspect(id).processConfig().tty();
    try (Hijack hijack = response.hijack(tty ? "application/vnd.docker.raw-stream"
        : "application/vnd.docker.multiplexed-stream")) {
      ExecBackend.ExecStreams streams;
      try {
        streams = backend.start(id, request);
      } catch (EngineException e) {
        hijack.input().close();
        writeError(hijack.output(), tty, e.getMessage());
        return;
      }
      copy(hijack, streams);
    }
  }

  /** dockerd writes the start error on stdout: a stdout frame, or raw text with a TTY. */
  private static void writeError(OutputStream out, boolean tty, String message) {
    byte[] text = (message + "\r\n").getBytes(StandardCharsets.UTF_8);
    try {
      if (tty) {
        out.write(text);
      } else {
        new MultiplexedOutput(out).write(MultiplexedOutput.STDOUT, text, 0, text.length);
      }
    } catch (IOException e) {
      // the client left
    }
  }

  private static void copy(Hijack hijack, ExecBackend.ExecStreams streams) throws InterruptedException {
    List<Thread> outputs = new ArrayList<>();
    MultiplexedOutput mux = streams.tty() ? null : new MultiplexedOutput(hijack.output());
    if (streams.stdout() != null) {
      outputs.add(start(() -> pump(streams.stdout(), mux == null ? hijack.output() : mux.stdout())));
    }
    if (streams.stderr() != null) {
      outputs.add(start(() -> pump(streams.stderr(), mux.stderr())));
    }
    Thread input = null;
    if (streams.stdin() != null) {
      input = start(() -> {
        // A terminal's master is also its output: only a pipe is closed at the client's EOF.
        boolean clientEnded = pumpStdin(hijack.input(), streams.stdin(), !streams.tty());
        if (clientEnded && streams.tty()) {
          hijack.close(); // dockerd ends a TTY exec's stream when its stdin ends
        }
      });
    } else {
      closeQuietly(hijack.input());
    }
    hijack.onClientClosed(() -> {
      closeQuietly(streams.stdout());
      closeQuietly(streams.stderr());
    });
    for (Thread t : outputs) {
      t.join();
    }
    streams.exit().join();
    if (input != null) {
      input.interrupt();
    }
  }

  private static Thread start(Runnable task) {
    Thread t = COPY_THREADS.newThread(task);
    t.start();
    return t;
  }

  private static void pump(InputStream from, OutputStream to) {
    byte[] buf = new byte[BUFFER_SIZE];
    try (from) {
      for (int n = from.read(buf); n >= 0; n = from.read(buf)) {
        if (n > 0) {
          to.write(buf, 0, n);
        }
      }
    } catch (IOException e) {
      // the client left or the stream was closed under us
    }
  }

  /** @return true when the client's stdin ended (EOF), false when the process's stdin failed */
  private static boolean pumpStdin(InputStream from, OutputStream to, boolean closeAtEnd) {
    byte[] buf = new byte[BUFFER_SIZE];
    try {
      for (int n = from.read(buf); n >= 0; n = from.read(buf)) {
        to.write(buf, 0, n);
        to.flush();
      }
    } catch (IOException e) {
      return false;
    } finally {
      if (closeAtEnd) {
        closeQuietly(to);
      }
    }
    return true;
  }

  private static void closeQuietly(java.io.Closeable c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException e) {
        // already closed
      }
    }
  }
}
