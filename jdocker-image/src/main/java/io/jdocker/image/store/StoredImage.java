package io.jdocker.image.store;

import io.jdocker.image.oci.ImageConfig;
import io.jdocker.image.ref.Digest;
import java.util.List;
import java.util.Optional;

/** An image as the store holds it: ID, parsed config, its layers bottom to top, local metadata. */
public record StoredImage(Digest id, ImageConfig config, List<LayerRecord> layers, ImageRecord record) {
  public StoredImage {
    layers = List.copyOf(layers);
  }

  /** Unpacked bytes of all layers, as Docker's Size. */
  public long size() {
    return layers.stream().mapToLong(LayerRecord::size).sum();
  }

  public Optional<Digest> parent() {
    return Optional.ofNullable(record.parent()).filter(p -> !p.isEmpty()).map(Digest::parse);
  }

  public Optional<String> lastTagTime() {
    return Optional.ofNullable(record.lastTagTime());
  }

  public List<Digest> chainIds() {
    return layers.stream().map(LayerRecord::chain).toList();
  }

  public List<Digest> diffIds() {
    return layers.stream().map(LayerRecord::diff).toList();
  }
}
