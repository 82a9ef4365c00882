package io.jdocker.errdefs;

/**
 * Base of every typed engine error. The daemon's API layer maps each subclass to one HTTP status
 * in a single place ({@code io.jdocker.daemon.api.ApiErrors}); engine code never picks a status.
 * The message is what clients print after "Error response from daemon: ".
 */
public abstract class EngineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected EngineException(String message) {
    super(message);
  }

  protected EngineException(String message, Throwable cause) {
    super(message, cause);
  }
}
