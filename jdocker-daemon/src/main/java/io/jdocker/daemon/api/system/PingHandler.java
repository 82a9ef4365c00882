package io.jdocker.daemon.api.system;

import io.jdocker.daemon.api.ApiRequest;
import io.jdocker.daemon.api.ApiResponse;
import io.jdocker.daemon.api.Handler;

/** {@code HEAD|GET /_ping}: the first request of every CLI call; its headers drive negotiation. */
final class PingHandler implements Handler {
  @Override
  public void handle(ApiRequest request, ApiResponse response) {
    response
        .header("Builder-Version", "1")
        .header("Swarm", "inactive")
        .header("Cache-Control", "no-cache, no-store, must-revalidate")
        .header("Pragma", "no-cache")
        .text(200, "text/plain; charset=utf-8", request.method().equals("HEAD") ? "" : "OK");
  }
}
