package io.jdocker.image.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.jdocker.image.ref.Digest;
import java.util.List;

/** {@code rootfs}: the ordered uncompressed layer digests (diffIDs). */
public record RootFs(@JsonProperty("type") String type, @JsonProperty("diff_ids") List<String> diffIds) {
  public static RootFs layers(List<Digest> diffIds) {
    return new RootFs("layers", diffIds.stream().map(Digest::toString).toList());
  }

  public List<Digest> digests() {
    return diffIds == null ? List.of() : diffIds.stream().map(Digest::parse).toList();
  }
}
