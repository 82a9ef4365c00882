package io.jdocker.daemon.runtime;

import io.jdocker.errdefs.UnavailableException;

/** Setting the container up failed (a mount, a cgroup limit, the helper itself): exit code 128. */
public final class ContainerSetupException extends UnavailableException implements StartFailure {
  private static final long serialVersionUID = 1L;

  static final int SETUP_FAILED = 128;

  private final int exitCode;

  public ContainerSetupException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  @Override
  public int exitCode() {
    return exitCode;
  }
}
