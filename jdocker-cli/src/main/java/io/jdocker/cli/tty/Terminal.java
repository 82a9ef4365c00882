package io.jdocker.cli.tty;

/**
 * The user's terminal as the interactive commands need it: stdin in raw mode while attached,
 * stdout's window size and its changes. Tests substitute a fake; {@link SttyTerminal} is the real one.
 */
public interface Terminal {
  /** Puts stdin into raw mode when it is a terminal; the handle restores it (any number of times). */
  RawMode makeRaw();

  /** Stops stdin echoing typed characters (a password prompt); the handle restores it. */
  default RawMode disableEcho() {
    return RawMode.NONE;
  }

  /** stdout's window size, or {@link WindowSize#NONE} when stdout is not a terminal. */
  WindowSize size();

  /** Runs {@code listener} on every window change (SIGWINCH) until the returned handle is closed. */
  AutoCloseable onResize(Runnable listener);

  /** Restores a terminal put into raw mode; idempotent. */
  interface RawMode extends AutoCloseable {
    RawMode NONE = () -> {};

    @Override
    void close();
  }
}
