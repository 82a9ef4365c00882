package io.jdocker.errdefs;

/** A dependency the engine needs is unreachable (registry down, no network): HTTP 500 with the cause in the message. */
public class UnavailableException extends EngineException {
  private static final long serialVersionUID = 1L;

  public UnavailableException(String message) {
    super(message);
  }

  public UnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
