package io.jdocker.daemon.api.types.container;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A blkio throttle: {@code {"Path":"/dev/sda","Rate":1048576}}. */
public record ThrottleDevice(@JsonProperty("Path") String path, @JsonProperty("Rate") long rate) {}
