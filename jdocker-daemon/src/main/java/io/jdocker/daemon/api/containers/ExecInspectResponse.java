package io.jdocker.daemon.api.containers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code GET /exec/{id}/json}, in dockerd's field order. {@code ExitCode} is null until the
 * process has ended (or failed to start: 126/127).
 */
public record ExecInspectResponse(
    @JsonProperty("ID") String id,
    @JsonProperty("Running") boolean running,
    @JsonProperty("ExitCode") @JsonInclude(JsonInclude.Include.ALWAYS) Integer exitCode,
    @JsonProperty("ProcessConfig") ProcessConfig processConfig,
    @JsonProperty("OpenStdin") boolean openStdin,
    @JsonProperty("OpenStderr") boolean openStderr,
    @JsonProperty("OpenStdout") boolean openStdout,
    @JsonProperty("CanRemove") boolean canRemove,
    @JsonProperty("ContainerID") String containerId,
    @JsonProperty("DetachKeys") String detachKeys,
    @JsonProperty("Pid") int pid) {

  /** Go's ExecProcessConfig: {@code user} is omitted when empty. */
  public record ProcessConfig(
      @JsonProperty("tty") boolean tty,
      @JsonProperty("entrypoint") String entrypoint,
      @JsonProperty("arguments") List<String> arguments,
      @JsonProperty("privileged") boolean privileged,
      @JsonProperty("user") @JsonInclude(JsonInclude.Include.NON_EMPTY) String user) {}
}
