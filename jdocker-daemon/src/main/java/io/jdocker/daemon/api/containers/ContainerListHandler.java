package io.jdocker.daemon.api.containers;

import io.jdocker.daemon.api.ApiRequest;
import io.jdocker.daemon.api.ApiResponse;
import io.jdocker.daemon.api.Handler;
import io.jdocker.daemon.container.ContainerListFilter;

/** {@code GET /containers/json?all=&limit=&size=&filters=}. */
final class ContainerListHandler implements Handler {
  private final ContainersBackend backend;

  ContainerListHandler(ContainersBackend backend) {
    this.backend = backend;
  }

  @Override
  public void handle(ApiRequest request, ApiResponse response) {
    ContainerListFilter.Options options = new ContainerListFilter.Options(request.queryBool("all", false),
        (int) request.queryLong("limit", -1), request.filters());
    response.json(200, backend.list(options, request.queryBool("size", false)));
  }
}
