package io.jdocker.errdefs;

/** The caller's credentials were refused or are missing (a registry's 401; docker login): HTTP 401. */
public class UnauthorizedException extends EngineException {
  private static final long serialVersionUID = 1L;

  public UnauthorizedException(String message) {
    super(message);
  }

  public UnauthorizedException(String message, Throwable cause) {
    super(message, cause);
  }
}
