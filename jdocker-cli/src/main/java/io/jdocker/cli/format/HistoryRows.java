package io.jdocker.cli.format;

import io.jdocker.cli.model.HistoryEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Rows of {@code docker history}. */
public final class HistoryRows {
  public static final String DEFAULT_TABLE = "table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}";
  public static final String QUIET = "{{.ID}}";
  private static final String TYPE = "*formatter.historyContext";

  private final Instant now;
  private final Supplier<ZoneId> zone;
  private final boolean human;
  private final boolean noTrunc;

  public HistoryRows(Instant now, Supplier<ZoneId> zone, boolean human, boolean noTrunc) {
    this.now = now;
    this.zone = zone;
    this.human = human;
    this.noTrunc = noTrunc;
  }

  public TypedValue header() {
    Map<String, Object> h = new TreeMap<>();
    h.put("ID", "IMAGE");
    h.put("CreatedSince", human ? "CREATED" : "CREATED AT");
    h.put("CreatedAt", "CREATED AT");
    h.put("CreatedBy", "CREATED BY");
    h.put("Size", "SIZE");
    h.put("Comment", "COMMENT");
    return new TypedValue(TYPE, h);
  }

  public List<TypedValue> rows(List<HistoryEntry> entries) {
    List<TypedValue> rows = new ArrayList<>();
    for (HistoryEntry e : entries) {
      Map<String, Object> f = new TreeMap<>();
      f.put("Comment", e.comment());
      f.put("CreatedAt", (Supplier<String>) () -> GoTime.rfc3339(e.created(), zone.get()));
      String since = Units.humanDuration(Duration.between(Instant.ofEpochSecond(e.created()), now)) + " ago";
      f.put("CreatedSince", human ? since : GoTime.rfc3339(e.created(), zone.get()));
      String createdBy = e.createdBy().replace("\t", " ");
      f.put("CreatedBy", noTrunc ? createdBy : ellipsis(createdBy, 45));
      f.put("ID", e.id().equals("<missing>") || noTrunc ? e.id() : ImageRows.shortId(e.id()));
      f.put("Size", human ? Units.humanSizeWithPrecision(e.size(), 3) : String.valueOf(e.size()));
      rows.add(new TypedValue(TYPE, f));
    }
    return rows;
  }

  /** stringutils.Ellipsis: cut to {@code max} characters, the last three being "...". */
  static String ellipsis(String s, int max) {
    int len = s.codePointCount(0, s.length());
    if (len <= max) {
      return s;
    }
    if (max <= 3) {
      return s.substring(0, s.offsetByCodePoints(0, max));
    }
    return s.substring(0, s.offsetByCodePoints(0, max - 3)) + "...";
  }
}
