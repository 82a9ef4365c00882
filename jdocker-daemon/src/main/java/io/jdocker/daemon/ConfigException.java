package io.jdocker.daemon;

/** The flags or daemon.json are unusable; the daemon refuses to start with this message. */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
