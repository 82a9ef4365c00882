package io.jdocker.image.oci;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code config} section of an image config (the defaults a container starts with). Fields
 * this engine does not model (Healthcheck, Shell, ...) are kept in {@code extra} and written back.
 */
public record ContainerConfig(
    @JsonProperty("User") String user,
    @JsonProperty("ExposedPorts") Map<String, Object> exposedPorts,
    @JsonProperty("Env") List<String> env,
    @JsonProperty("Entrypoint") List<String> entrypoint,
    @JsonProperty("Cmd") List<String> cmd,
    @JsonProperty("Volumes") Map<String, Object> volumes,
    @JsonProperty("WorkingDir") String workingDir,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("OnBuild") List<String> onBuild,
    @JsonProperty("StopSignal") String stopSignal,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

  public static ContainerConfig empty() {
    return new ContainerConfig(null, null, null, null, null, null, null, null, null, null, null);
  }

  public ContainerConfig {
    extra = extra == null ? new LinkedHashMap<>() : extra;
  }

  public Map<String, String> labelsOrEmpty() {
    return labels == null ? Map.of() : labels;
  }
}
