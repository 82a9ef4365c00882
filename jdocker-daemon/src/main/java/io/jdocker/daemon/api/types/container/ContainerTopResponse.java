package io.jdocker.daemon.api.types.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code GET /containers/{id}/top}: ps column titles and one row of strings per process. */
public record ContainerTopResponse(
    @JsonProperty("Titles") List<String> titles, @JsonProperty("Processes") List<List<String>> processes) {}
