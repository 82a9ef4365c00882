package io.jdocker.daemon.engine.images;

import io.jdocker.daemon.api.Filters;
import io.jdocker.daemon.api.images.RegistryBackend;
import io.jdocker.daemon.api.system.AuthBackend;
import io.jdocker.daemon.engine.events.EventBus;
import io.jdocker.image.oci.Platform;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.ref.ImageReference;
import io.jdocker.image.registry.ImagePuller;
import io.jdocker.image.registry.ImagePusher;
import io.jdocker.image.registry.ProgressSink;
import io.jdocker.image.registry.RegistryAccess;
import io.jdocker.image.registry.RegistryAuth;
import io.jdocker.image.registry.SearchResult;
import io.jdocker.image.store.ImageStore;
import java.io.IOException;
import java.util.List;

/**
 * The image engine's side of registries: pull, push, search and login, and dockerd's
 * {@code pull} / {@code push} events.
 */
public final class RegistryService implements RegistryBackend, AuthBackend {
  /** Where {@code docker login} without a server goes (dockerd's IndexServer). */
  static final String DOCKER_HUB_LOGIN = "https://index.docker.io/v1/";

  private final ImageStore store;
  private final RegistryAccess registries;
  private final RegistryTransfers transfers;
  private final ImageEvents events;

  public RegistryService(ImageStore store, RegistryAccess registries, EventBus bus) {
    this(store, registries,
        RegistryTransfers.of(new ImagePuller(store, registries), new ImagePusher(store, registries)), bus);
  }

  RegistryService(ImageStore store, RegistryAccess registries, RegistryTransfers transfers, EventBus bus) {
    this.store = store;
    this.registries = registries;
    this.transfers = transfers;
    this.events = new ImageEvents(bus, store);
  }

  /** The puller reports every line, the closing "Digest:" and "Status:" included; the event is ours. */
  @Override
  public void pull(ImageReference ref, RegistryAuth auth, Platform platform, ProgressSink progress)
      throws IOException {
    Digest image = null;
    try {
      if (ref.tag() == null && ref.digest() == null) {
        transfers.pullAllTags(ref, auth, platform, progress);
      } else {
        image = transfers.pull(ref, auth, platform, progress).imageId();
      }
    } catch (RuntimeException e) {
      throw TransferErrors.forPull(e, ref);
    }
    events.publishReference("pull", ref, image);
  }

  @Override
  public void push(ImageReference ref, RegistryAuth auth, ProgressSink progress) throws IOException {
    try {
      transfers.push(ref, auth, progress);
    } catch (RuntimeException e) {
      throw TransferErrors.forPush(e);
    }
    events.publishReference("push", ref, store.lookup(ref.withDefaultTag()).orElse(null));
  }

  @Override
  public List<SearchResult> search(String term, int limit, Filters filters, RegistryAuth auth) throws IOException {
    SearchQuery query = SearchQuery.of(term, limit, filters);
    if (query.nothing()) {
      return List.of();
    }
    return query.select(registries.search(query.indexHost(), query.term(), query.limit(), auth));
  }

  @Override
  public String login(String serverAddress, RegistryAuth auth) throws IOException {
    String server = serverAddress == null || serverAddress.isEmpty() ? DOCKER_HUB_LOGIN : serverAddress;
    String token = registries.login(server, auth);
    return token == null ? "" : token;
  }
}
