package io.jdocker.daemon.api.types.container;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One host side of a published port: {@code {"HostIp":"127.0.0.1","HostPort":"8080"}}. */
public record PortBinding(@JsonProperty("HostIp") String hostIp, @JsonProperty("HostPort") String hostPort) {
  public PortBinding {
    hostIp = hostIp == null ? "" : hostIp;
    hostPort = hostPort == null ? "" : hostPort;
  }
}
