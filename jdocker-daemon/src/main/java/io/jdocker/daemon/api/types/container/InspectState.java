package io.jdocker.daemon.api.types.container;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code State} in container inspect. Times are RFC3339Nano; a time that never happened is Go's
 * zero time {@code 0001-01-01T00:00:00Z}. {@code Running} stays true while paused or restarting.
 */
public record InspectState(
    @JsonProperty("Status") String status,
    @JsonProperty("Running") boolean running,
    @JsonProperty("Paused") boolean paused,
    @JsonProperty("Restarting") boolean restarting,
    @JsonProperty("OOMKilled") boolean oomKilled,
    @JsonProperty("Dead") boolean dead,
    @JsonProperty("Pid") long pid,
    @JsonProperty("ExitCode") int exitCode,
    @JsonProperty("Error") String error,
    @JsonProperty("StartedAt") String startedAt,
    @JsonProperty("FinishedAt") String finishedAt) {}
