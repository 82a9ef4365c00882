package io.jdocker.daemon.api.types.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** {@code HostConfig.LogConfig}; {@code Type} "" means the daemon's default driver. */
public record LogConfig(@JsonProperty("Type") String type, @JsonProperty("Config") Map<String, String> config) {
  public static final LogConfig DEFAULT = new LogConfig("", Map.of());

  public LogConfig {
    type = type == null ? "" : type;
    config = config == null ? Map.of() : config;
  }
}
