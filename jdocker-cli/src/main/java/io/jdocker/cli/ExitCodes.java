package io.jdocker.cli;

/** The docker CLI's exit statuses. */
public final class ExitCodes {
  public static final int OK = 0;
  /** A command failed (daemon error, bad argument count, no connection). */
  public static final int FAILURE = 1;
  /** The CLI itself could not run the command (flag errors; daemon errors of the run family). */
  public static final int CLI_ERROR = 125;

  private ExitCodes() {}
}
