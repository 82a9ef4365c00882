package io.jdocker.daemon.engine.images;

import io.jdocker.errdefs.ForbiddenException;
import io.jdocker.errdefs.NotFoundException;
import io.jdocker.errdefs.SystemException;
import io.jdocker.errdefs.UnauthorizedException;
import io.jdocker.image.ref.ImageReference;

/**
 * What a registry's refusal becomes on the API, as moby's translatePullError. A 401 must not reach
 * the client as 401: the docker CLI answers a 401 to pull or push by prompting for a login on the
 * terminal (and waits there forever without one), whereas dockerd reports the registry's refusal
 * as a plain 500. A pull the registry denies reads as "pull access denied", a 404.
 */
final class TransferErrors {
  private static final String DENIED_PREFIX = "denied: ";

  private TransferErrors() {}

  static RuntimeException forPull(RuntimeException e, ImageReference ref) {
    return switch (e) {
      case ForbiddenException denied -> new NotFoundException("pull access denied for " + ref.familiarName()
          + ", repository does not exist or may require 'docker login': " + withoutPrefix(denied.getMessage()), e);
      case UnauthorizedException refused -> new SystemException(refused.getMessage(), e);
      default -> e;
    };
  }

  static RuntimeException forPush(RuntimeException e) {
    return e instanceof UnauthorizedException refused ? new SystemException(refused.getMessage(), e) : e;
  }

  private static String withoutPrefix(String message) {
    return message != null && message.startsWith(DENIED_PREFIX) ? message.substring(DENIED_PREFIX.length()) : message;
  }
}
