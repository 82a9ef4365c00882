package io.jdocker.daemon.api.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jdocker.daemon.api.images.ImageSummary;
import io.jdocker.daemon.api.types.container.ContainerSummary;
import java.util.List;

/**
 * The body of {@code GET /system/df}. As dockerd's types.DiskUsage: LayersSize is omitted when 0
 * (Go's omitempty), a list that was not asked for ({@code type=}) is {@code null}, one that was
 * is at least {@code []}.
 */
public record SystemDataUsage(
    @JsonProperty("LayersSize") @JsonInclude(JsonInclude.Include.NON_NULL) Long layersSize,
    @JsonProperty("Images") List<ImageSummary> images,
    @JsonProperty("Containers") List<ContainerSummary> containers,
    @JsonProperty("Volumes") List<Object> volumes,
    @JsonProperty("BuildCache") List<Object> buildCache) {}
