package io.jdocker.daemon.api.images;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code [{"Untagged":...},{"Deleted":...}]} items of {@code DELETE /images/{name}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeleteResponseItem(@JsonProperty("Untagged") String untagged, @JsonProperty("Deleted") String deleted) {}
