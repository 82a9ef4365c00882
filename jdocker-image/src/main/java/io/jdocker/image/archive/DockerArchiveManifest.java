package io.jdocker.image.archive;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One item of a docker-archive manifest.json. */
record DockerArchiveManifest(
    @JsonProperty("Config") String config,
    @JsonProperty("RepoTags") @JsonInclude(JsonInclude.Include.ALWAYS) List<String> repoTags,
    @JsonProperty("Layers") List<String> layers) {}
