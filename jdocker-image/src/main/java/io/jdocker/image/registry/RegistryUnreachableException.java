package io.jdocker.image.registry;

import io.jdocker.errdefs.UnavailableException;

/**
 * The registry could not be talked to at all (no connection, TLS refused, no answer), as opposed
 * to an answer with an error status: only this makes an insecure registry fall back to plain HTTP.
 */
final class RegistryUnreachableException extends UnavailableException {
  private static final long serialVersionUID = 1L;

  RegistryUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
