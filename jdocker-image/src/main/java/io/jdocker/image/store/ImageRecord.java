package io.jdocker.image.store;

import com.fasterxml.jackson.annotation.JsonProperty;

/** images/sha256/ID.json: daemon-local metadata; its presence makes the image visible. */
public record ImageRecord(
    @JsonProperty("id") String id,
    @JsonProperty("parent") String parent,
    @JsonProperty("lastTagTime") String lastTagTime) {

  public ImageRecord withLastTagTime(String time) {
    return new ImageRecord(id, parent, time);
  }
}
