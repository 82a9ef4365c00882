package io.jdocker.image.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jdocker.image.ref.Digest;
import java.util.Optional;

/** layer.json: one stored layer, its position in the chain and its unpacked size. */
public record LayerRecord(
    @JsonProperty("chainId") String chainId,
    @JsonProperty("diffId") String diffId,
    @JsonProperty("parent") String parent,
    @JsonProperty("size") long size) {

  public static LayerRecord of(Digest chainId, Digest diffId, Digest parent, long size) {
    return new LayerRecord(chainId.toString(), diffId.toString(), parent == null ? null : parent.toString(), size);
  }

  @JsonIgnore
  public Digest chain() {
    return Digest.parse(chainId);
  }

  @JsonIgnore
  public Digest diff() {
    return Digest.parse(diffId);
  }

  @JsonIgnore
  public Optional<Digest> parentChain() {
    return Optional.ofNullable(parent).map(Digest::parse);
  }

  /** Chain ID as the OCI image spec defines it: the diffID for the base, else sha256("parent diffID"). */
  public static Digest chainId(Digest parentChain, Digest diffId) {
    if (parentChain == null) {
      return diffId;
    }
    return Digest.of((parentChain + " " + diffId).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }
}
