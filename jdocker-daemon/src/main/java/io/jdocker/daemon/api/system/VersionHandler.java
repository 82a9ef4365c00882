package io.jdocker.daemon.api.system;

import io.jdocker.daemon.api.ApiRequest;
import io.jdocker.daemon.api.ApiResponse;
import io.jdocker.daemon.api.Handler;

/** {@code GET /version}; docker-py negotiates from its {@code ApiVersion}. */
final class VersionHandler implements Handler {
  private final SystemVersion version;

  VersionHandler(SystemVersion version) {
    this.version = version;
  }

  @Override
  public void handle(ApiRequest request, ApiResponse response) {
    response.json(200, version);
  }
}
