package io.jdocker.image.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.jdocker.image.oci.Json;
import io.jdocker.image.oci.MediaTypes;
import java.util.List;

/**
 * Writes the Docker schema2 manifest a push puts: compact JSON with distribution's field order
 * (schemaVersion, mediaType, config, layers; each descriptor mediaType, size, digest), so the
 * same image always gives the same bytes and so the same manifest digest.
 */
final class Schema2ManifestWriter {
  private Schema2ManifestWriter() {}

  @JsonPropertyOrder({"mediaType", "size", "digest"})
  private record Entry(
      @JsonProperty("mediaType") String mediaType,
      @JsonProperty("size") long size,
      @JsonProperty("digest") String digest) {
    static Entry of(String mediaType, BlobRef blob) {
      return new Entry(mediaType, blob.size(), blob.digest().toString());
    }
  }

  @JsonPropertyOrder({"schemaVersion", "mediaType", "config", "layers"})
  private record Manifest(
      @JsonProperty("schemaVersion") int schemaVersion,
      @JsonProperty("mediaType") String mediaType,
      @JsonProperty("config") Entry config,
      @JsonProperty("layers") List<Entry> layers) {}

  /** {@code layers} bottom-up, as gzip blobs. */
  static byte[] write(BlobRef config, List<BlobRef> layers) {
    return Json.write(new Manifest(2, MediaTypes.DOCKER_MANIFEST,
        Entry.of(LayerMediaTypes.DOCKER_CONFIG, config),
        layers.stream().map(l -> Entry.of(LayerMediaTypes.DOCKER_GZIP, l)).toList()));
  }
}
