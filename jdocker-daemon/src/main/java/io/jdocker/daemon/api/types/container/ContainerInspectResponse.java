package io.jdocker.daemon.api.types.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code GET /containers/{id}/json}, in dockerd's field order. {@code Name} carries the leading
 * slash; {@code Args} is {@code []} when empty but {@code ExecIDs} is {@code null} (Go nil);
 * SizeRw/SizeRootFs only with {@code ?size=1}.
 */
public record ContainerInspectResponse(
    @JsonProperty("Id") String id,
    @JsonProperty("Created") String created,
    @JsonProperty("Path") String path,
    @JsonProperty("Args") List<String> args,
    @JsonProperty("State") InspectState state,
    @JsonProperty("Image") String image,
    @JsonProperty("ResolvConfPath") String resolvConfPath,
    @JsonProperty("HostnamePath") String hostnamePath,
    @JsonProperty("HostsPath") String hostsPath,
    @JsonProperty("LogPath") String logPath,
    @JsonProperty("Name") String name,
    @JsonProperty("RestartCount") int restartCount,
    @JsonProperty("Driver") String driver,
    @JsonProperty("Platform") String platform,
    @JsonProperty("MountLabel") String mountLabel,
    @JsonProperty("ProcessLabel") String processLabel,
    @JsonProperty("AppArmorProfile") String appArmorProfile,
    @JsonProperty("ExecIDs") List<String> execIds,
    @JsonProperty("HostConfig") HostConfig hostConfig,
    @JsonProperty("GraphDriver") GraphDriverData graphDriver,
    @JsonProperty("SizeRw") @JsonInclude(Include.NON_NULL) Long sizeRw,
    @JsonProperty("SizeRootFs") @JsonInclude(Include.NON_NULL) Long sizeRootFs,
    @JsonProperty("Mounts") List<MountPoint> mounts,
    @JsonProperty("Config") ContainerConfig config,
    @JsonProperty("NetworkSettings") NetworkSettings networkSettings) {

  public ContainerInspectResponse {
    args = args == null ? List.of() : args;
    execIds = execIds == null || execIds.isEmpty() ? null : execIds;
    mounts = mounts == null ? List.of() : mounts;
  }
}
