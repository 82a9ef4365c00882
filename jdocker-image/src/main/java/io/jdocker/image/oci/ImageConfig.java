package io.jdocker.image.oci;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jdocker.errdefs.InvalidParameterException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An image config (OCI image config / Docker image JSON). The image ID is the sha256 of the exact
 * bytes it was read from, so the store keeps those bytes; this record is the parsed view, and
 * unknown fields (container_config, docker_version, ...) survive in {@code extra}.
 */
public record ImageConfig(
    @JsonProperty("architecture") String architecture,
    @JsonProperty("os") String os,
    @JsonProperty("variant") String variant,
    @JsonProperty("created") String created,
    @JsonProperty("author") String author,
    @JsonProperty("comment") String comment,
    @JsonProperty("parent") String parent,
    @JsonProperty("config") ContainerConfig config,
    @JsonProperty("rootfs") RootFs rootfs,
    @JsonProperty("history") List<HistoryEntry> history,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

  public ImageConfig {
    extra = extra == null ? new LinkedHashMap<>() : extra;
  }

  /** Parses config bytes from outside and checks what the store relies on. */
  public static ImageConfig parse(byte[] json, String what) {
    ImageConfig config = Json.read(json, ImageConfig.class, what);
    if (config.rootfs() == null || config.rootfs().diffIds() == null) {
      throw new InvalidParameterException("invalid " + what + ": no rootfs.diff_ids");
    }
    try {
      config.rootfs().digests();
    } catch (InvalidParameterException e) {
      throw new InvalidParameterException("invalid " + what + ": " + e.getMessage(), e);
    }
    return config;
  }

  public ContainerConfig configOrEmpty() {
    return config == null ? ContainerConfig.empty() : config;
  }

  public List<HistoryEntry> historyOrEmpty() {
    return history == null ? List.of() : history;
  }
}
