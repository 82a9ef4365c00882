package io.jdocker.daemon.api.types.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.Map;

/**
 * Docker's {@code container.Config}: the portable part of a container's configuration, as sent at
 * the top level of {@code POST /containers/create} and returned as {@code Config} by inspect.
 * Nullability follows Go: absent strings are "", absent lists and maps stay null (Go nil, written
 * as {@code null}), fields tagged {@code omitempty} in Go are left out when empty.
 */
public record ContainerConfig(
    @JsonProperty("Hostname") String hostname,
    @JsonProperty("Domainname") String domainname,
    @JsonProperty("User") String user,
    @JsonProperty("AttachStdin") boolean attachStdin,
    @JsonProperty("AttachStdout") boolean attachStdout,
    @JsonProperty("AttachStderr") boolean attachStderr,
    @JsonProperty("ExposedPorts") @JsonInclude(Include.NON_EMPTY) Map<String, Object> exposedPorts,
    @JsonProperty("Tty") boolean tty,
    @JsonProperty("OpenStdin") boolean openStdin,
    @JsonProperty("StdinOnce") boolean stdinOnce,
    @JsonProperty("Env") List<String> env,
    @JsonProperty("Cmd") @JsonDeserialize(using = StrSliceDeserializer.class) List<String> cmd,
    @JsonProperty("Healthcheck") @JsonInclude(Include.NON_NULL) Map<String, Object> healthcheck,
    @JsonProperty("ArgsEscaped") @JsonInclude(Include.NON_DEFAULT) boolean argsEscaped,
    @JsonProperty("Image") String image,
    @JsonProperty("Volumes") Map<String, Object> volumes,
    @JsonProperty("WorkingDir") String workingDir,
    @JsonProperty("Entrypoint") @JsonDeserialize(using = StrSliceDeserializer.class) List<String> entrypoint,
    @JsonProperty("NetworkDisabled") @JsonInclude(Include.NON_DEFAULT) boolean networkDisabled,
    @JsonProperty("MacAddress") @JsonInclude(Include.NON_EMPTY) String macAddress,
    @JsonProperty("OnBuild") List<String> onBuild,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("StopSignal") @JsonInclude(Include.NON_EMPTY) String stopSignal,
    @JsonProperty("StopTimeout") @JsonInclude(Include.NON_NULL) Integer stopTimeout,
    @JsonProperty("Shell") @JsonInclude(Include.NON_EMPTY) @JsonDeserialize(using = StrSliceDeserializer.class)
        List<String> shell) {

  public ContainerConfig {
    hostname = orEmpty(hostname);
    domainname = orEmpty(domainname);
    user = orEmpty(user);
    image = orEmpty(image);
    workingDir = orEmpty(workingDir);
    macAddress = orEmpty(macAddress);
    stopSignal = orEmpty(stopSignal);
  }

  /** What docker-py's smallest body ({"Image": ...}) parses to. */
  public static ContainerConfig ofImage(String image) {
    return new ContainerConfig(null, null, null, false, false, false, null, false, false, false, null, null, null,
        false, image, null, null, null, false, null, null, null, null, null, null);
  }

  public ContainerConfig withImage(String value) {
    return new ContainerConfig(hostname, domainname, user, attachStdin, attachStdout, attachStderr, exposedPorts,
        tty, openStdin, stdinOnce, env, cmd, healthcheck, argsEscaped, value, volumes, workingDir, entrypoint,
        networkDisabled, macAddress, onBuild, labels, stopSignal, stopTimeout, shell);
  }

  public ContainerConfig withHostname(String value) {
    return new ContainerConfig(value, domainname, user, attachStdin, attachStdout, attachStderr, exposedPorts,
        tty, openStdin, stdinOnce, env, cmd, healthcheck, argsEscaped, image, volumes, workingDir, entrypoint,
        networkDisabled, macAddress, onBuild, labels, stopSignal, stopTimeout, shell);
  }

  /** The fields Docker merges from the image config (see {@code ConfigMerger}). */
  public ContainerConfig withMerged(String newUser, Map<String, Object> newExposedPorts, List<String> newEnv,
      List<String> newCmd, List<String> newEntrypoint, Map<String, Object> newHealthcheck, boolean newArgsEscaped,
      Map<String, Object> newVolumes, String newWorkingDir, Map<String, String> newLabels, String newStopSignal) {
    return new ContainerConfig(hostname, domainname, newUser, attachStdin, attachStdout, attachStderr,
        newExposedPorts, tty, openStdin, stdinOnce, newEnv, newCmd, newHealthcheck, newArgsEscaped, image,
        newVolumes, newWorkingDir, newEntrypoint, networkDisabled, macAddress, onBuild, newLabels, newStopSignal,
        stopTimeout, shell);
  }

  public List<String> envOrEmpty() {
    return env == null ? List.of() : env;
  }

  public Map<String, String> labelsOrEmpty() {
    return labels == null ? Map.of() : labels;
  }

  static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
