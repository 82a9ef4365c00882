package io.jdocker.daemon.engine.containers;

import io.jdocker.errdefs.InvalidParameterException;

/**
 * An exec whose command could not start, with dockerd's message ({@code OCI runtime exec failed:
 * exec failed: unable to start container process: exec: "nope": executable file not found in
 * $PATH: unknown}) and the exit code exec inspect then shows: 127 not found, 126 not executable.
 * dockerd answers these as a bad request (startInvalidConfigError).
 */
public final class ExecStartFailure extends InvalidParameterException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  public ExecStartFailure(int exitCode, String reason, Throwable cause) {
    super("OCI runtime exec failed: exec failed: unable to start container process: " + reason + ": unknown", cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
