package io.jdocker.errdefs;

/** An object (image, container, network, volume) does not exist: HTTP 404. */
public class NotFoundException extends EngineException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }

  public NotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
