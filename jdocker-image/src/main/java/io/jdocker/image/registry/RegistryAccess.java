package io.jdocker.image.registry;

import io.jdocker.image.ref.ImageReference;
import java.io.IOException;
import java.util.List;

/** Opens repositories on registries, checks logins and searches: the daemon's only way out. */
public interface RegistryAccess {
  /**
   * Opens the repository of {@code ref} (its domain and path; tag and digest are ignored), with
   * the token scope {@code pull}, or {@code pull,push} when {@code push} is true.
   */
  RegistryRepository open(ImageReference ref, RegistryAuth auth, boolean push) throws IOException;

  /**
   * Checks credentials against a registry ({@code docker login}): {@code serverAddress} is a host
   * ({@code 127.0.0.1:5000}) or a URL; docker.io's index address means docker.io. Returns the
   * identity token the registry issued, or "" when none. UnauthorizedException when refused.
   */
  String login(String serverAddress, RegistryAuth auth) throws IOException;

  /**
   * The v1 search of the registry {@code indexHost} (docker.io searches index.docker.io):
   * {@code GET /v1/search?q=term&n=limit}.
   */
  List<SearchResult> search(String indexHost, String term, int limit, RegistryAuth auth) throws IOException;
}
