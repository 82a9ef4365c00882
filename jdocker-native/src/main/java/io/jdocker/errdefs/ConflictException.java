package io.jdocker.errdefs;

/** The request conflicts with the object's state (in use, name taken, running): HTTP 409. */
public class ConflictException extends EngineException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(message);
  }

  public ConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
