package io.jdocker.daemon.api.containers;

import io.jdocker.daemon.api.ApiRequest;
import io.jdocker.daemon.api.ApiResponse;
import io.jdocker.daemon.api.Handler;

/** {@code POST /containers/prune?filters=}: {@code {"ContainersDeleted","SpaceReclaimed"}}. */
final class ContainerPruneHandler implements Handler {
  private final ContainersBackend backend;

  ContainerPruneHandler(ContainersBackend backend) {
    this.backend = backend;
  }

  @Override
  public void handle(ApiRequest request, ApiResponse response) {
    response.json(200, backend.prune(request.filters()));
  }
}
