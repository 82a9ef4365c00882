package io.jdocker.cli.command;

/** {@code unpause}, {@code container unpause}. */
public final class UnpauseCommand extends PauseCommand {
  public UnpauseCommand() {
    super("unpause", "Unpause all processes within one or more containers");
  }
}
