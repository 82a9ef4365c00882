package io.jdocker.daemon.api.types.container;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {"Name":"nofile","Hard":2048,"Soft":1024}}. */
public record Ulimit(@JsonProperty("Name") String name, @JsonProperty("Hard") long hard, @JsonProperty("Soft") long soft) {}
