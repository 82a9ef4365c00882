package io.jdocker.daemon.api.types.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * {@code --mount} ({@code HostConfig.Mounts[]}). The per-type option objects are kept as sent
 * (they are small and only read by the mount set-up), so nothing a client sends is lost.
 */
@JsonInclude(Include.NON_EMPTY)
public record Mount(
    @JsonProperty("Type") String type,
    @JsonProperty("Source") String source,
    @JsonProperty("Target") String target,
    @JsonProperty("ReadOnly") @JsonInclude(Include.NON_DEFAULT) boolean readOnly,
    @JsonProperty("Consistency") String consistency,
    @JsonProperty("BindOptions") Map<String, Object> bindOptions,
    @JsonProperty("VolumeOptions") Map<String, Object> volumeOptions,
    @JsonProperty("TmpfsOptions") Map<String, Object> tmpfsOptions) {}
