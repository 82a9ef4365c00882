package io.jdocker.daemon.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;

/** The files and dirs of one container (see {@link ContainerLayout}); persisted with it. */
public record ContainerPaths(
    @JsonProperty("Root") Path root,
    @JsonProperty("UpperDir") Path upperDir,
    @JsonProperty("WorkDir") Path workDir,
    @JsonProperty("MergedDir") Path mergedDir,
    @JsonProperty("HostnamePath") Path hostnamePath,
    @JsonProperty("HostsPath") Path hostsPath,
    @JsonProperty("ResolvConfPath") Path resolvConfPath,
    @JsonProperty("LogPath") Path logPath) {}
