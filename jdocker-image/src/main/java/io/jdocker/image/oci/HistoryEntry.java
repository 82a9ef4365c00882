package io.jdocker.image.oci;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One {@code history} entry; {@code empty_layer} marks steps that added no layer. */
public record HistoryEntry(
    @JsonProperty("created") String created,
    @JsonProperty("created_by") String createdBy,
    @JsonProperty("author") String author,
    @JsonProperty("comment") String comment,
    @JsonProperty("empty_layer") Boolean emptyLayer) {

  public boolean isEmptyLayer() {
    return Boolean.TRUE.equals(emptyLayer);
  }
}
