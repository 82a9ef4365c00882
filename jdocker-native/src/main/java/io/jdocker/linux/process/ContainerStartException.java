package io.jdocker.linux.process;

import java.io.IOException;

/**
 * The container process failed before its command ran. {@link #exitCode()} is what Docker
 * reports for it: 127 command not found, 126 not executable, 128 any other setup failure.
 */
public class ContainerStartException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  public ContainerStartException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
