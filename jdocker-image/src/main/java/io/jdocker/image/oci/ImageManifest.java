package io.jdocker.image.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** An OCI image manifest or Docker schema2 manifest (same shape). */
public record ImageManifest(
    @JsonProperty("schemaVersion") int schemaVersion,
    @JsonProperty("mediaType") String mediaType,
    @JsonProperty("config") Descriptor config,
    @JsonProperty("layers") List<Descriptor> layers,
    @JsonProperty("annotations") Map<String, String> annotations) {}
