package io.jdocker.daemon.api.containers;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code POST /containers/prune}: the removed IDs ({@code null} when none, as dockerd) and the bytes freed. */
public record ContainerPruneResponse(
    @JsonProperty("ContainersDeleted") List<String> containersDeleted,
    @JsonProperty("SpaceReclaimed") long spaceReclaimed) {}
