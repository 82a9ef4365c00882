package io.jdocker.image.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** An OCI content descriptor. */
public record Descriptor(
    @JsonProperty("mediaType") String mediaType,
    @JsonProperty("digest") String digest,
    @JsonProperty("size") long size,
    @JsonProperty("annotations") Map<String, String> annotations,
    @JsonProperty("platform") Platform platform) {

  public Map<String, String> annotationsOrEmpty() {
    return annotations == null ? Map.of() : annotations;
  }
}
