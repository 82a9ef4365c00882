package io.jdocker.daemon.api.types.container;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {"Error":null,"StatusCode":137}}; {@code Error} is null unless waiting itself failed. */
public record ContainerWaitResponse(@JsonProperty("Error") WaitError error, @JsonProperty("StatusCode") long statusCode) {
  public static ContainerWaitResponse exited(long statusCode) {
    return new ContainerWaitResponse(null, statusCode);
  }

  /** What dockerd writes when the wait is cut short, e.g. {@code context canceled} with code -1. */
  public static ContainerWaitResponse failed(String message) {
    return new ContainerWaitResponse(new WaitError(message), -1);
  }

  public record WaitError(@JsonProperty("Message") String message) {}
}
