package io.jdocker.cli.command;

import io.jdocker.cli.CliEnvironment;
import io.jdocker.cli.client.ApiClient;
import io.jdocker.cli.client.HttpRequest;
import io.jdocker.cli.client.Query;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The client terminal for {@code -t}: raw mode through {@code stty} on /dev/tty (the JDK has no
 * termios), restored on close, and the window size sent to the daemon. A stopgap until the
 * interactive issue brings termios through FFM; it costs two short process spawns, only with -t.
 */
class TerminalMode implements AutoCloseable {
  static final TerminalMode NONE = new TerminalMode(null);
  private final String saved;

  private TerminalMode(String saved) {
    this.saved = saved;
  }

  static TerminalMode rawIfTerminal(CliEnvironment env) {
    if (!env.stdinIsTerminal()) {
      return NONE;
    }
    String saved = stty("-g");
    if (saved == null) {
      return NONE;
    }
    stty("raw -echo");
    return new TerminalMode(saved.strip());
  }

  /** Sends {@code resize?h=rows&w=cols} when the terminal's size is known; a 409 after a fast exit is harmless. */
  void resize(ApiClient client, String path) {
    String size = saved == null ? null : stty("size");
    if (size == null || !size.strip().matches("\\d+ \\d+")) {
      return;
    }
    String[] hw = size.strip().split(" ");
    try {
      client.json(client.call(HttpRequest.of("POST", path), Query.of().put("h", hw[0]).put("w", hw[1])));
    } catch (RuntimeException e) {
      // the container may have exited already
    }
  }

  private static String stty(String args) {
    try {
      Process p = new ProcessBuilder("sh", "-c", "stty " + args + " < /dev/tty").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor() == 0 ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  @Override
  public void close() {
    if (saved != null) {
      stty(saved);
    }
  }
}
