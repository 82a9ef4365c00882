package io.jdocker.daemon.api.system;

import io.jdocker.daemon.api.ApiRequest;
import io.jdocker.daemon.api.ApiResponse;
import io.jdocker.daemon.api.Handler;
import io.jdocker.errdefs.NotFoundException;

/** {@code GET /plugins/{name}/json}: no plugins; the last 404 of {@code docker inspect}'s search. */
final class PluginInspectHandler implements Handler {
  @Override
  public void handle(ApiRequest request, ApiResponse response) {
    throw new NotFoundException("plugin \"" + request.pathParam("name") + "\" not found");
  }
}
