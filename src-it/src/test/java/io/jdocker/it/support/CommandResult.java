package io.jdocker.it.support;

/** What a finished command printed and how it exited. */
public record CommandResult(int exitCode, String stdout, String stderr) {
  public CommandResult assertSuccess() {
    if (exitCode != 0) {
      throw new AssertionError("command failed with " + exitCode + "\nstdout: " + stdout
          + "\nstderr: " + stderr);
    }
    return this;
  }

  /** Stdout without the trailing newline. */
  public String out() {
    return stdout.strip();
  }
}
