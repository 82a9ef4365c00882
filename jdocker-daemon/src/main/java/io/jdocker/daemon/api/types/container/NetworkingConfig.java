package io.jdocker.daemon.api.types.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** {@code NetworkingConfig} of a create request: the endpoint settings per network name. */
public record NetworkingConfig(@JsonProperty("EndpointsConfig") Map<String, EndpointSettings> endpointsConfig) {
  public static final NetworkingConfig EMPTY = new NetworkingConfig(Map.of());

  public NetworkingConfig {
    endpointsConfig = endpointsConfig == null ? Map.of() : endpointsConfig;
  }
}
