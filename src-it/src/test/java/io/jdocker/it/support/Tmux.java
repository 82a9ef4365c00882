package io.jdocker.it.support;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A terminal a person would use: a detached tmux session of a given size running one command,
 * typed into with send-keys and read with capture-pane. The session's server is private to the
 * test (own socket), so it never touches a user's tmux.
 */
public final class Tmux implements AutoCloseable {
  private final String socket = "jdocker-it-" + UUID.randomUUID();
  private final String session = "it";

  private Tmux() {}

  /** Starts {@code shellCommand} in a new {@code cols}×{@code rows} terminal. */
  public static Tmux start(int cols, int rows, String shellCommand) {
    Tmux tmux = new Tmux();
    tmux.tmux("new-session", "-d", "-s", tmux.session, "-x", String.valueOf(cols), "-y",
        String.valueOf(rows), shellCommand).assertSuccess();
    tmux.tmux("set-option", "-t", tmux.session, "remain-on-exit", "on").assertSuccess();
    return tmux;
  }

  private CommandResult tmux(String... args) {
    List<String> argv = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
    argv.addAll(List.of(args));
    return Command.of(argv).run();
  }

  /** Types text literally (no key names), without Enter. */
  public void type(String text) {
    tmux("send-keys", "-t", session, "-l", text).assertSuccess();
  }

  /** Sends tmux key names such as "Enter", "C-p", "C-q". */
  public void keys(String... keys) {
    List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
    args.addAll(List.of(keys));
    tmux(args.toArray(String[]::new)).assertSuccess();
  }

  public void typeLine(String line) {
    type(line);
    keys("Enter");
  }

  public void resize(int cols, int rows) {
    tmux("resize-window", "-t", session, "-x", String.valueOf(cols), "-y", String.valueOf(rows))
        .assertSuccess();
  }

  /**
   * The pane's text, its scrollback included: when a command ends, tmux (remain-on-exit) scrolls
   * the screen up by a line to make room for its "Pane is dead" note, so the first line would
   * otherwise be gone.
   */
  public String screen() {
    return tmux("capture-pane", "-p", "-S", "-", "-t", session).assertSuccess().stdout();
  }

  /** Waits until the screen satisfies the condition; fails with the screen after 20 s. */
  public String await(String what, Predicate<String> condition) {
    return awaitWhile(what, () -> { }, condition);
  }

  /** Like {@link #await}, doing {@code poke} every half second until the condition holds. */
  public String awaitWhile(String what, Runnable poke, Predicate<String> condition) {
    long deadline = System.nanoTime() + 20_000_000_000L;
    String screen = "";
    while (System.nanoTime() < deadline) {
      poke.run();
      long next = System.nanoTime() + 500_000_000L;
      while (System.nanoTime() < next) {
        screen = screen();
        if (condition.test(screen)) {
          return screen;
        }
        pause();
      }
    }
    throw new AssertionError("terminal never showed " + what + "; screen:\n" + screen);
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Kills the pane's command with SIGKILL, as a client that dies mid-stream. */
  public void killCommand() {
    String pid = tmux("display-message", "-p", "-t", session, "#{pane_pid}").assertSuccess().out();
    Command.of(List.of("kill", "-KILL", pid.trim())).run().assertSuccess();
  }

  /**
   * The exit status of the pane's command once it has ended (128 + N when signal N killed it), or
   * -1 while it runs.
   *
   * <p>Debian's tmux 3.3a is built with libutempter, which swaps out tmux's SIGCHLD handler while it
   * removes the pane's utmp record - and it does so when the pane's pty reaches EOF, which is the
   * moment the command exits. A SIGCHLD that lands then is lost: the command stays a zombie and the
   * pane is dead without a status, for good (tmux issue 311; reproduced here without jdocker in
   * about 1 of 6 short-lived panes). Sending the server another SIGCHLD makes it reap and record it.
   */
  public int exitStatus() {
    String[] parts = tmux("display-message", "-p", "-t", session,
        "#{pid}|#{pane_dead}|#{pane_dead_status}|#{pane_dead_signal}").assertSuccess().out()
        .split("\\|", -1);
    if (!parts[1].equals("1")) {
      return -1;
    }
    if (!parts[2].isEmpty()) {
      return Integer.parseInt(parts[2]);
    }
    if (!parts[3].isEmpty()) {
      return 128 + Integer.parseInt(parts[3]);
    }
    Command.of(List.of("kill", "-CHLD", parts[0])).run();
    return -1;
  }

  public int awaitExit() {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline) {
      int status = exitStatus();
      if (status >= 0) {
        return status;
      }
      pause();
    }
    throw new AssertionError("the terminal's command did not end; screen:\n" + screen());
  }

  @Override
  public void close() {
    tmux("kill-server");
  }
}
