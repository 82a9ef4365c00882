package io.jdocker.daemon.api.types.container;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code --device}: {@code {"PathOnHost":"/dev/fuse","PathInContainer":"/dev/fuse","CgroupPermissions":"rwm"}}. */
public record DeviceMapping(
    @JsonProperty("PathOnHost") String pathOnHost,
    @JsonProperty("PathInContainer") String pathInContainer,
    @JsonProperty("CgroupPermissions") String cgroupPermissions) {}
