package io.jdocker.errdefs;

/** The request is malformed or names an invalid value (bad reference, corrupt tar, bad filter): HTTP 400. */
public class InvalidParameterException extends EngineException {
  private static final long serialVersionUID = 1L;

  public InvalidParameterException(String message) {
    super(message);
  }

  public InvalidParameterException(String message, Throwable cause) {
    super(message, cause);
  }
}
