package io.jdocker.daemon.api.system;

import io.jdocker.image.registry.RegistryAuth;
import java.io.IOException;

/** {@code docker login} as the engine offers it to {@code POST /auth}. */
@FunctionalInterface
public interface AuthBackend {
  /**
   * Checks {@code auth} against the registry at {@code serverAddress} (a host, a URL, or "" for
   * Docker Hub). Returns the identity token the registry issued, "" when none;
   * UnauthorizedException when the credentials are refused.
   */
  String login(String serverAddress, RegistryAuth auth) throws IOException;
}
