package io.jdocker.daemon.api.containers;

import io.jdocker.daemon.api.ApiJson;
import io.jdocker.daemon.api.ApiRequest;
import io.jdocker.daemon.api.ApiResponse;
import io.jdocker.daemon.api.Handler;
import io.jdocker.daemon.api.types.container.ContainerWaitResponse;
import io.jdocker.daemon.container.WaitCondition;
import java.io.OutputStream;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /containers/{id}/wait?condition=}: errors (404, 400) as plain responses; otherwise
 * the 200 headers go out at once ({@code docker run} waits for them before it starts the
 * container), the body when the condition is met. A client that leaves releases the waiter.
 */
final class ContainerWaitHandler implements Handler {
  private final ContainersBackend backend;

  ContainerWaitHandler(ContainersBackend backend) {
    this.backend = backend;
  }

  @Override
  public void handle(ApiRequest request, ApiResponse response) throws Exception {
    WaitCondition condition = WaitCondition.parse(request.query("condition").orElse(""));
    CompletableFuture<ContainerWaitResponse> result = backend.wait(request.pathParam("id"), condition);
    request.onDisconnect(() -> result.cancel(false));
    try (OutputStream out = response.stream(200, "application/json")) {
      out.flush();
      ContainerWaitResponse answer;
      try {
        answer = result.get();
      } catch (CancellationException e) {
        return;
      }
      out.write(ApiJson.mapper().writeValueAsBytes(answer));
      out.write('\n');
    }
  }
}
