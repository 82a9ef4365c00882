package io.jdocker.cli.tty;

import java.io.IOException;

/** The user typed the detach keys (docker's {@code term.EscapeError}, same message). */
public final class EscapeSequenceException extends IOException {
  public EscapeSequenceException() {
    super("read escape sequence");
  }
}
