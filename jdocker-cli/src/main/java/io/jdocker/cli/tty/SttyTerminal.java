package io.jdocker.cli.tty;

import io.jdocker.cli.CliEnvironment;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The real terminal through {@code stty} (the JDK has no termios and the CLI stays free of native
 * code): one process to save the settings and make stdin raw, one to restore them, one per size
 * query (~3 ms each, measured; only interactive commands pay it). Window changes arrive as SIGWINCH,
 * which {@code sun.misc.Signal} can handle on Linux. Raw mode is also undone by a shutdown hook, so
 * SIGTERM or SIGHUP leave a usable terminal.
 */
public final class SttyTerminal implements Terminal {
  /** cfmakeraw, as docker's {@code term.MakeRaw}: no echo, no signals, no CR/NL mapping, 8 bits. */
  private static final String RAW = "raw -echo -echonl -icanon -isig -iexten -opost cs8 -parenb min 1 time 0";

  @Override
  public RawMode makeRaw() {
    if (!CliEnvironment.isTerminal(0)) {
      return RawMode.NONE;
    }
    String saved = stty(null, "stty -g && stty " + RAW);
    if (saved == null || saved.isBlank()) {
      return RawMode.NONE;
    }
    return new Restorer(saved.strip());
  }

  @Override
  public RawMode disableEcho() {
    if (!CliEnvironment.isTerminal(0)) {
      return RawMode.NONE;
    }
    String saved = stty(null, "stty -g && stty -echo");
    return saved == null || saved.isBlank() ? RawMode.NONE : new Restorer(saved.strip());
  }

  @Override
  public WindowSize size() {
    if (!CliEnvironment.isTerminal(1)) {
      return WindowSize.NONE;
    }
    WindowSize size = WindowSize.parse(stty(new File("/proc/self/fd/1"), "stty size"));
    return size == null ? WindowSize.NONE : size;
  }

  @Override
  public AutoCloseable onResize(Runnable listener) {
    Signal winch = new Signal("WINCH");
    SignalHandler previous = Signal.handle(winch, s -> listener.run());
    return () -> Signal.handle(winch, previous);
  }

  /** Runs {@code script} with stdin from {@code input} (this process's stdin when null); its stdout, or null on failure. */
  private static String stty(File input, String script) {
    try {
      ProcessBuilder builder = new ProcessBuilder("sh", "-c", script).redirectError(ProcessBuilder.Redirect.DISCARD);
      builder.redirectInput(input == null ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.from(input));
      Process p = builder.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor() == 0 ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static final class Restorer implements RawMode {
    private final String saved;
    private final Thread hook;
    private boolean restored;

    Restorer(String saved) {
      this.saved = saved;
      this.hook = new Thread(this::restore, "restore-terminal");
      Runtime.getRuntime().addShutdownHook(hook);
    }

    private synchronized void restore() {
      if (!restored) {
        restored = true;
        stty(null, "stty " + saved);
      }
    }

    @Override
    public void close() {
      restore();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // already shutting down: the hook itself is running or has run
      }
    }
  }
}
