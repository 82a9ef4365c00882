package io.jdocker.cli;

/** A failure whose message is printed as is to stderr, ending the command with {@code exitCode}. */
public final class CliException extends RuntimeException {
  private final int exitCode;

  public CliException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public CliException(String message) {
    this(message, ExitCodes.FAILURE);
  }

  public int exitCode() {
    return exitCode;
  }
}
