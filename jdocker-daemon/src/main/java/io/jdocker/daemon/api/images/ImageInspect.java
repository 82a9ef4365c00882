package io.jdocker.daemon.api.images;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** {@code GET /images/{name}/json}, in the field order dockerd writes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageInspect(
    @JsonProperty("Id") String id,
    @JsonProperty("RepoTags") List<String> repoTags,
    @JsonProperty("RepoDigests") List<String> repoDigests,
    @JsonProperty("Parent") String parent,
    @JsonProperty("Comment") String comment,
    @JsonProperty("Created") String created,
    @JsonProperty("Container") String container,
    @JsonProperty("ContainerConfig") Map<String, Object> containerConfig,
    @JsonProperty("DockerVersion") String dockerVersion,
    @JsonProperty("Author") String author,
    @JsonProperty("Config") Map<String, Object> config,
    @JsonProperty("Architecture") String architecture,
    @JsonProperty("Variant") String variant,
    @JsonProperty("Os") String os,
    @JsonProperty("Size") long size,
    @JsonProperty("VirtualSize") Long virtualSize,
    @JsonProperty("GraphDriver") GraphDriver graphDriver,
    @JsonProperty("RootFS") RootFs rootFs,
    @JsonProperty("Metadata") Metadata metadata) {

  public record GraphDriver(@JsonProperty("Data") Map<String, String> data, @JsonProperty("Name") String name) {}

  public record RootFs(@JsonProperty("Type") String type, @JsonProperty("Layers") List<String> layers) {}

  public record Metadata(@JsonProperty("LastTagTime") String lastTagTime) {}
}
