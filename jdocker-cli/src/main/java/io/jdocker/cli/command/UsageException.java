package io.jdocker.cli.command;

/**
 * Bad usage, printed with the command's usage line: a wrong number of arguments (exit status 1,
 * message prefixed "jdocker: ") or a bad flag value (exit status 125, no prefix), as docker does.
 */
public final class UsageException extends RuntimeException {
  private final picocli.CommandLine.Model.CommandSpec command;
  private final boolean flagError;
  private boolean seeHint;

  public UsageException(picocli.CommandLine.Model.CommandSpec command, String message) {
    this(command, message, false);
  }

  public UsageException(picocli.CommandLine.Model.CommandSpec command, String message, boolean flagError) {
    super(message);
    this.command = command;
    this.flagError = flagError;
  }

  /** docker's RequiresMinArgs ends with "See '… --help'" where its other checks say "Run". */
  UsageException withSeeHint() {
    seeHint = true;
    return this;
  }

  public boolean seeHint() {
    return seeHint;
  }

  public boolean flagError() {
    return flagError;
  }

  public picocli.CommandLine.Model.CommandSpec command() {
    return command;
  }
}
