package io.jdocker.daemon.api.types.container;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code HostConfig.RestartPolicy}: "", "no", "always", "unless-stopped" or "on-failure". */
public record RestartPolicy(@JsonProperty("Name") String name, @JsonProperty("MaximumRetryCount") int maximumRetryCount) {
  public static final RestartPolicy NO = new RestartPolicy("no", 0);

  public RestartPolicy {
    name = name == null ? "" : name;
  }

  /** Docker treats "" (sent by clients before v25) like "no". */
  @JsonIgnore
  public boolean isNone() {
    return name.isEmpty() || name.equals("no");
  }
}
