package io.jdocker.cli.model;

import java.util.List;
import java.util.Map;

/** One layer of {@code GET /images/{name}/history}. */
public record HistoryEntry(String id, long created, String createdBy, long size, String comment, List<String> tags) {
  public static HistoryEntry from(Map<String, Object> json) {
    return new HistoryEntry(
        JsonFields.string(json, "Id"),
        JsonFields.number(json, "Created", 0),
        JsonFields.string(json, "CreatedBy"),
        JsonFields.number(json, "Size", 0),
        JsonFields.string(json, "Comment"),
        JsonFields.strings(json, "Tags"));
  }
}
