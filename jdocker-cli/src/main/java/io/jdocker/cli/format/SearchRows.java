package io.jdocker.cli.format;

import io.jdocker.cli.model.JsonFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows of {@code docker search}: one per result of {@code GET /images/search}. */
public final class SearchRows {
  public static final String DEFAULT_TABLE = "table {{.Name}}\t{{.Description}}\t{{.StarCount}}\t{{.IsOfficial}}";
  private static final String TYPE = "*registry.searchContext";

  private SearchRows() {}

  public static TypedValue header() {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("Name", "NAME");
    h.put("Description", "DESCRIPTION");
    h.put("StarCount", "STARS");
    h.put("IsOfficial", "OFFICIAL");
    return new TypedValue(TYPE, h);
  }

  /** Descriptions lose their line breaks and, unless {@code trunc} is off, are cut to 45 cells. */
  public static List<TypedValue> rows(List<Map<String, Object>> results, boolean trunc) {
    List<TypedValue> rows = new ArrayList<>();
    for (Map<String, Object> r : results) {
      String description = JsonFields.string(r, "description").replace("\n", " ").replace("\r", " ");
      if (trunc) {
        description = DisplayWidth.ellipsis(description, 45);
      }
      boolean official = JsonFields.bool(r, "is_official");
      String stars = String.valueOf(JsonFields.number(r, "star_count", 0));
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("Name", JsonFields.string(r, "name"));
      f.put("Description", description);
      f.put("StarCount", stars);
      f.put("IsOfficial", official ? "[OK]" : "");
      // docker's JSON of a result says "true"/"false" where templates show "[OK]".
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("Description", description);
      json.put("IsOfficial", String.valueOf(official));
      json.put("Name", f.get("Name"));
      json.put("StarCount", stars);
      rows.add(TypedValue.withJson(TYPE, f, json));
    }
    return rows;
  }
}
