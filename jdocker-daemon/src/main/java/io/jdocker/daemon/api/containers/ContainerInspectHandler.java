package io.jdocker.daemon.api.containers;

import io.jdocker.daemon.api.ApiRequest;
import io.jdocker.daemon.api.ApiResponse;
import io.jdocker.daemon.api.Handler;

/** {@code GET /containers/{id}/json?size=}. */
final class ContainerInspectHandler implements Handler {
  private final ContainersBackend backend;

  ContainerInspectHandler(ContainersBackend backend) {
    this.backend = backend;
  }

  @Override
  public void handle(ApiRequest request, ApiResponse response) {
    response.json(200, backend.inspect(request.pathParam("id"), request.queryBool("size", false)));
  }
}
