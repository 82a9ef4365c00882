package io.jdocker.daemon.api.types.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of {@code Mounts} in inspect and ps. For a bind: {@code {"Type":"bind","Source":…,
 * "Destination":…,"Mode":"ro","RW":false,"Propagation":"rprivate"}}; Name and Driver only for volumes.
 */
public record MountPoint(
    @JsonProperty("Type") String type,
    @JsonProperty("Name") @JsonInclude(Include.NON_EMPTY) String name,
    @JsonProperty("Source") String source,
    @JsonProperty("Destination") String destination,
    @JsonProperty("Driver") @JsonInclude(Include.NON_EMPTY) String driver,
    @JsonProperty("Mode") String mode,
    @JsonProperty("RW") boolean rw,
    @JsonProperty("Propagation") String propagation) {}
