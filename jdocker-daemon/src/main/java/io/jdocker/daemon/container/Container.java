package io.jdocker.daemon.container;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.jdocker.daemon.api.types.container.ContainerConfig;
import io.jdocker.daemon.api.types.container.HostConfig;
import io.jdocker.daemon.api.types.container.NetworkingConfig;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One container, immutable: every change makes a new value that the {@link ContainerStore}
 * swaps in and the {@link StateStore} persists. {@code config} is the merged config (request +
 * image, what inspect shows), {@code path}/{@code args} the resolved command, {@code imageId}
 * the image's {@code sha256:} ID, {@code lowerDirs} the image's layer dirs (top first).
 */
public record Container(
    @JsonProperty("ID") ContainerId id,
    @JsonProperty("Name") String name,
    @JsonProperty("Created") @JsonSerialize(using = GoTime.Writer.class, nullsUsing = GoTime.Writer.class) @JsonDeserialize(using = GoTime.Reader.class)
        Instant created,
    @JsonProperty("Path") String path,
    @JsonProperty("Args") List<String> args,
    @JsonProperty("Config") ContainerConfig config,
    @JsonProperty("HostConfig") HostConfig hostConfig,
    @JsonProperty("NetworkingConfig") NetworkingConfig networkingConfig,
    @JsonProperty("Image") String imageId,
    @JsonProperty("LowerDirs") List<String> lowerDirs,
    @JsonProperty("State") ContainerState state,
    @JsonProperty("Paths") ContainerPaths paths,
    @JsonProperty("Driver") String driver,
    @JsonProperty("Platform") String platform) {

  public static final String DRIVER = "overlay2";
  public static final String PLATFORM = "linux";

  public Container {
    Objects.requireNonNull(id, "id");
    name = ContainerName.strip(Objects.requireNonNull(name, "name"));
    Objects.requireNonNull(created, "created");
    path = path == null ? "" : path;
    args = args == null ? List.of() : List.copyOf(args);
    Objects.requireNonNull(config, "config");
    hostConfig = hostConfig == null ? HostConfig.empty() : hostConfig;
    networkingConfig = networkingConfig == null ? NetworkingConfig.EMPTY : networkingConfig;
    imageId = imageId == null ? "" : imageId;
    lowerDirs = lowerDirs == null ? List.of() : List.copyOf(lowerDirs);
    state = state == null ? ContainerState.created() : state;
    driver = driver == null ? DRIVER : driver;
    platform = platform == null ? PLATFORM : platform;
  }

  /** "/name", as the API shows it. */
  @JsonIgnore
  public String displayName() {
    return ContainerName.display(name);
  }

  /** The new container after {@code t}, or Docker's error for an illegal move. */
  public Container transition(Transition t) {
    return withState(state.transition(t, id.value(), name));
  }

  public Container withState(ContainerState next) {
    return new Container(id, name, created, path, args, config, hostConfig, networkingConfig, imageId, lowerDirs, next,
        paths, driver, platform);
  }

  public Container withName(String newName) {
    return new Container(id, newName, created, path, args, config, hostConfig, networkingConfig, imageId, lowerDirs,
        state, paths, driver, platform);
  }

  public Container withHostConfig(HostConfig next) {
    return new Container(id, name, created, path, args, config, next, networkingConfig, imageId, lowerDirs, state,
        paths, driver, platform);
  }
}
