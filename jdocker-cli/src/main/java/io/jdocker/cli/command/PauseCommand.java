package io.jdocker.cli.command;

/** {@code pause} and, through {@link UnpauseCommand}, {@code unpause}. */
public class PauseCommand extends ApiCommand {
  private final String action;

  public PauseCommand() {
    this("pause", "Pause all processes within one or more containers");
  }

  PauseCommand(String action, String description) {
    super("CONTAINER [CONTAINER...]", description);
    this.action = action;
  }

  @Override
  public Integer call() {
    atLeast(1);
    return ContainerActions.post(client(), args(), action, null, out(), err());
  }
}
