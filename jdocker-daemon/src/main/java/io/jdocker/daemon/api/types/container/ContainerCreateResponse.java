package io.jdocker.daemon.api.types.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code 201 {"Id":"…","Warnings":[]}}: dockerd always sends an array, never null. */
public record ContainerCreateResponse(@JsonProperty("Id") String id, @JsonProperty("Warnings") List<String> warnings) {
  public ContainerCreateResponse {
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }
}
