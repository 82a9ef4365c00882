package io.jdocker.daemon.api.images;

import io.jdocker.daemon.api.Filters;
import io.jdocker.image.oci.Platform;
import io.jdocker.image.ref.ImageReference;
import io.jdocker.image.registry.ProgressSink;
import io.jdocker.image.registry.RegistryAuth;
import io.jdocker.image.registry.SearchResult;
import java.io.IOException;
import java.util.List;

/**
 * What the registry endpoints (pull, push, search) need from the engine. Pull and push report
 * into {@code progress}; whatever fails before their first report must throw before it, so the
 * client still gets an error status.
 */
public interface RegistryBackend {
  /**
   * {@code docker pull}: {@code ref} with a tag or digest pulls that; a bare repository pulls
   * every tag ({@code docker pull -a}).
   *
   * @param platform the wanted platform, or null for the host's
   */
  void pull(ImageReference ref, RegistryAuth auth, Platform platform, ProgressSink progress) throws IOException;

  /** {@code docker push}: {@code ref}'s tag, or every local tag of its repository when it has none. */
  void push(ImageReference ref, RegistryAuth auth, ProgressSink progress) throws IOException;

  /**
   * {@code docker search}: {@code term} may name a registry ({@code host:port/word}); limit 0 is
   * the default (25); filters {@code is-official}, {@code stars}, {@code is-automated}.
   */
  List<SearchResult> search(String term, int limit, Filters filters, RegistryAuth auth) throws IOException;
}
