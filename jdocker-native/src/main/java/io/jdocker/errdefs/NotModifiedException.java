package io.jdocker.errdefs;

/** The object is already in the requested state (start a running container): HTTP 304. */
public class NotModifiedException extends EngineException {
  private static final long serialVersionUID = 1L;

  public NotModifiedException(String message) {
    super(message);
  }

  public NotModifiedException(String message, Throwable cause) {
    super(message, cause);
  }
}
