package io.jdocker.daemon.api.images;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jdocker.daemon.api.ApiVersion;
import io.jdocker.image.ref.ImageReference;
import io.jdocker.image.store.StoredImage;
import java.util.List;
import java.util.Map;

/** One entry of {@code GET /images/json}; VirtualSize only before API 1.44. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageSummary(
    @JsonProperty("Containers") long containers,
    @JsonProperty("Created") long created,
    @JsonProperty("Id") String id,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("ParentId") String parentId,
    @JsonProperty("RepoDigests") List<String> repoDigests,
    @JsonProperty("RepoTags") List<String> repoTags,
    @JsonProperty("SharedSize") long sharedSize,
    @JsonProperty("Size") long size,
    @JsonProperty("VirtualSize") Long virtualSize) {

  /** As {@code GET /images/json} shows it: Containers and SharedSize unknown (-1). */
  public static ImageSummary of(StoredImage image, List<ImageReference> refs, ApiVersion version) {
    return ImageWire.summary(image, refs, version);
  }

  /** The same summary with the counts {@code GET /system/df} computes. */
  public ImageSummary withUsage(long containers, long sharedSize) {
    return new ImageSummary(containers, created, id, labels, parentId, repoDigests, repoTags, sharedSize, size,
        virtualSize);
  }
}
