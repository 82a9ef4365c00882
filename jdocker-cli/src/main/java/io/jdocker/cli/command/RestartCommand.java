package io.jdocker.cli.command;

/** {@code restart}, {@code container restart}. */
public final class RestartCommand extends StopCommand {
  public RestartCommand() {
    super("restart", "Restart one or more containers");
  }
}
