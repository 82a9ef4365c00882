package io.jdocker.daemon.runtime;

/**
 * A start that failed before the container's command ran, with the exit code Docker records for it
 * (State.ExitCode) and jdocker-init's message as the error text.
 */
public sealed interface StartFailure permits CommandNotRunnableException, ContainerSetupException {
  int exitCode();

  String getMessage();
}
