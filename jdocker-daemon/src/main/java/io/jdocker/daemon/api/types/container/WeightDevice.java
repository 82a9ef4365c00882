package io.jdocker.daemon.api.types.container;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A blkio weight for one device: {@code {"Path":"/dev/sda","Weight":500}}. */
public record WeightDevice(@JsonProperty("Path") String path, @JsonProperty("Weight") int weight) {}
