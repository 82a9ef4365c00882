package io.jdocker.cli.client;

/** The daemon's socket could not be reached; the message is the docker CLI's. */
public final class CannotConnectException extends RuntimeException {
  public CannotConnectException(String hostUri, Throwable cause) {
    super("Cannot connect to the Docker daemon at " + hostUri + ". Is the docker daemon running?", cause);
  }
}
