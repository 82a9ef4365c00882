package io.jdocker.daemon.api.containers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code POST /containers/{id}/exec} body (the spec's ExecConfig).
 *
 * @param consoleSize {@code [rows, columns]} of the client's terminal (API 1.42+), or null
 * @param workingDir empty for the container's WorkingDir
 * @param user empty for the container's User
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExecCreateRequest(
    @JsonProperty("AttachStdin") boolean attachStdin,
    @JsonProperty("AttachStdout") boolean attachStdout,
    @JsonProperty("AttachStderr") boolean attachStderr,
    @JsonProperty("ConsoleSize") List<Integer> consoleSize,
    @JsonProperty("DetachKeys") String detachKeys,
    @JsonProperty("Tty") boolean tty,
    @JsonProperty("Env") List<String> env,
    @JsonProperty("Cmd") List<String> cmd,
    @JsonProperty("Privileged") boolean privileged,
    @JsonProperty("User") String user,
    @JsonProperty("WorkingDir") String workingDir) {

  public ExecCreateRequest {
    env = env == null ? List.of() : List.copyOf(env);
    cmd = cmd == null ? List.of() : List.copyOf(cmd);
    consoleSize = consoleSize == null || consoleSize.size() != 2 ? null : List.copyOf(consoleSize);
    detachKeys = detachKeys == null ? "" : detachKeys;
    user = user == null ? "" : user;
    workingDir = workingDir == null ? "" : workingDir;
  }
}
