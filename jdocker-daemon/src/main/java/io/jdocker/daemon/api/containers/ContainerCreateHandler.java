package io.jdocker.daemon.api.containers;

import io.jdocker.daemon.api.ApiRequest;
import io.jdocker.daemon.api.ApiResponse;
import io.jdocker.daemon.api.Handler;
import io.jdocker.daemon.api.types.container.ContainerCreateRequest;

/** {@code POST /containers/create?name=}: 201 {@code {"Id","Warnings"}}. */
final class ContainerCreateHandler implements Handler {
  private final ContainersBackend backend;

  ContainerCreateHandler(ContainersBackend backend) {
    this.backend = backend;
  }

  @Override
  public void handle(ApiRequest request, ApiResponse response) {
    ContainerCreateRequest body = ContainerCreateRequest.parse(request.body());
    response.json(201, backend.create(request.query("name").orElse(""), body));
  }
}
