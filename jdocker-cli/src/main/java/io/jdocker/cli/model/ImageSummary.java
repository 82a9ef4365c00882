package io.jdocker.cli.model;

import java.util.List;
import java.util.Map;

/** One entry of {@code GET /images/json}; unknown fields are ignored. */
public record ImageSummary(
    String id, List<String> repoTags, List<String> repoDigests, long created, long size, long sharedSize, long containers) {

  public static ImageSummary from(Map<String, Object> json) {
    return new ImageSummary(
        JsonFields.string(json, "Id"),
        JsonFields.strings(json, "RepoTags"),
        JsonFields.strings(json, "RepoDigests"),
        JsonFields.number(json, "Created", 0),
        JsonFields.number(json, "Size", 0),
        JsonFields.number(json, "SharedSize", -1),
        JsonFields.number(json, "Containers", -1));
  }
}
