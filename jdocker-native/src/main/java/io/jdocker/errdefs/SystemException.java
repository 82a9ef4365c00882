package io.jdocker.errdefs;

/**
 * A failure the engine understood but that fits no other kind (moby's errdefs.System/Unknown):
 * HTTP 500 with the message, and nothing logged as unexpected.
 */
public class SystemException extends EngineException {
  private static final long serialVersionUID = 1L;

  public SystemException(String message, Throwable cause) {
    super(message, cause);
  }
}
