package io.jdocker.daemon.api.types.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code GET /containers/json}. {@code Status} is the human text the CLI prints as is
 * ("Up 9 seconds"); {@code Ports} and {@code Mounts} are {@code []} when empty; SizeRw/SizeRootFs
 * are omitted unless {@code size=1} was asked for (Go's omitempty on int64).
 */
public record ContainerSummary(
    @JsonProperty("Id") String id,
    @JsonProperty("Names") List<String> names,
    @JsonProperty("Image") String image,
    @JsonProperty("ImageID") String imageId,
    @JsonProperty("Command") String command,
    @JsonProperty("Created") long created,
    @JsonProperty("Ports") List<Port> ports,
    @JsonProperty("SizeRw") @JsonInclude(Include.NON_NULL) Long sizeRw,
    @JsonProperty("SizeRootFs") @JsonInclude(Include.NON_NULL) Long sizeRootFs,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("State") String state,
    @JsonProperty("Status") String status,
    @JsonProperty("HostConfig") SummaryHostConfig hostConfig,
    @JsonProperty("NetworkSettings") SummaryNetworkSettings networkSettings,
    @JsonProperty("Mounts") List<MountPoint> mounts) {

  public ContainerSummary {
    ports = ports == null ? List.of() : ports;
    mounts = mounts == null ? List.of() : mounts;
  }

  /** {@code HostConfig} of a list entry: only the network mode (and annotations, when any). */
  public record SummaryHostConfig(
      @JsonProperty("NetworkMode") @JsonInclude(Include.NON_EMPTY) String networkMode,
      @JsonProperty("Annotations") @JsonInclude(Include.NON_EMPTY) Map<String, String> annotations) {}

  /** {@code NetworkSettings} of a list entry: endpoints by network name. */
  public record SummaryNetworkSettings(@JsonProperty("Networks") Map<String, EndpointSettings> networks) {}
}
