package io.jdocker.cli.command;

import io.jdocker.cli.client.ApiClient;
import io.jdocker.cli.client.HttpRequest;
import io.jdocker.cli.client.Query;
import io.jdocker.cli.tty.Terminal;
import io.jdocker.cli.tty.WindowSize;
import java.io.PrintStream;

/**
 * docker's MonitorTtySize: sends the terminal's size to {@code /containers/{id}/resize} or
 * {@code /exec/{id}/resize} at once (retrying briefly in the background, since an exec's process
 * may not exist yet) and again on every SIGWINCH. {@code redraw} first sends rows+1 and cols+1, as
 * {@code docker attach} does so that a shell that is already running repaints its prompt.
 */
final class ResizeMonitor implements AutoCloseable {
  private static final int RETRIES = 10;
  private final ApiClient client;
  private final Terminal terminal;
  private final String path;
  private AutoCloseable subscription = () -> {};

  private ResizeMonitor(ApiClient client, Terminal terminal, String path) {
    this.client = client;
    this.terminal = terminal;
    this.path = path;
  }

  /** Starts monitoring; does nothing (and returns null) when stdout is not a terminal. */
  static ResizeMonitor start(ApiClient client, Terminal terminal, String path, boolean redraw, PrintStream err) {
    WindowSize size = terminal.size();
    if (size.isZero()) {
      return null;
    }
    // A connection of its own: SIGWINCH arrives on another thread while the command uses its client.
    ResizeMonitor monitor = new ResizeMonitor(client.fork(), terminal, path);
    if (redraw) {
      monitor.tryResize(new WindowSize(size.rows() + 1, size.cols() + 1));
    }
    if (!monitor.tryResize(size)) {
      Thread.ofPlatform().daemon().name("resize").start(() -> monitor.retry(err));
    }
    monitor.subscription = terminal.onResize(monitor::resizeQuietly);
    return monitor;
  }

  private void retry(PrintStream err) {
    for (int attempt = 0; attempt < RETRIES; attempt++) {
      try {
        Thread.sleep((attempt + 1) * 10L);
      } catch (InterruptedException e) {
        return;
      }
      if (tryResize(terminal.size())) {
        return;
      }
    }
    err.println("failed to resize tty, using default size");
  }

  private void resizeQuietly() {
    tryResize(terminal.size());
  }

  private synchronized boolean tryResize(WindowSize size) {
    if (size.isZero()) {
      return true;
    }
    try {
      Query query = Query.of().put("h", Integer.toString(size.rows())).put("w", Integer.toString(size.cols()));
      client.json(client.call(HttpRequest.of("POST", path), query));
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    try {
      subscription.close();
    } catch (Exception e) {
      // the previous SIGWINCH handler could not be put back; the CLI is ending anyway
    }
    synchronized (this) {
      client.close();
    }
  }
}
