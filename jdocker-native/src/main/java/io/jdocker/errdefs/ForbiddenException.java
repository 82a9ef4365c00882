package io.jdocker.errdefs;

/** Authenticated, but not allowed (a registry's 403 "denied"): HTTP 403. */
public class ForbiddenException extends EngineException {
  private static final long serialVersionUID = 1L;

  public ForbiddenException(String message) {
    super(message);
  }

  public ForbiddenException(String message, Throwable cause) {
    super(message, cause);
  }
}
