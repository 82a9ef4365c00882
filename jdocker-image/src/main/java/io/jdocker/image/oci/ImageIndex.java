package io.jdocker.image.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** An OCI image index or Docker manifest list; also the shape of an OCI layout's index.json. */
public record ImageIndex(
    @JsonProperty("schemaVersion") int schemaVersion,
    @JsonProperty("mediaType") String mediaType,
    @JsonProperty("manifests") List<Descriptor> manifests,
    @JsonProperty("annotations") Map<String, String> annotations) {

  public List<Descriptor> manifestsOrEmpty() {
    return manifests == null ? List.of() : manifests;
  }
}
