package io.jdocker.daemon.api.containers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code POST /exec/{id}/start} body: {@code {"Detach","Tty","ConsoleSize"}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExecStartRequest(
    @JsonProperty("Detach") boolean detach,
    @JsonProperty("Tty") boolean tty,
    @JsonProperty("ConsoleSize") List<Integer> consoleSize) {

  public ExecStartRequest {
    consoleSize = consoleSize == null || consoleSize.size() != 2 ? null : List.copyOf(consoleSize);
  }
}
