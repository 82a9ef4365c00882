package io.jdocker.daemon.runtime;

import io.jdocker.errdefs.InvalidParameterException;

/**
 * The command does not exist (127: {@code exec: "nope": executable file not found in $PATH}) or
 * cannot be executed (126: permission denied, a directory). dockerd answers these as a bad request.
 */
public final class CommandNotRunnableException extends InvalidParameterException implements StartFailure {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  public CommandNotRunnableException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  @Override
  public int exitCode() {
    return exitCode;
  }
}
