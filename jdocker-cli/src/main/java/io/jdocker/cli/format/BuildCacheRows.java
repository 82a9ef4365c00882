package io.jdocker.cli.format;

import io.jdocker.cli.model.JsonFields;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Build cache records as the docker CLI's {@code *formatter.buildCacheContext} shows them. */
public final class BuildCacheRows {
  private static final String TYPE = "*formatter.buildCacheContext";

  private final Instant now;
  private final boolean trunc;

  public BuildCacheRows(Instant now, boolean trunc) {
    this.now = now;
    this.trunc = trunc;
  }

  public static TypedValue header() {
    Map<String, Object> h = new TreeMap<>();
    h.put("ID", "CACHE ID");
    h.put("Parent", "PARENT");
    h.put("CacheType", "CACHE TYPE");
    h.put("Size", "SIZE");
    h.put("CreatedSince", "CREATED");
    h.put("LastUsedSince", "LAST USED");
    h.put("UsageCount", "USAGE");
    h.put("InUse", "IN USE");
    h.put("Shared", "SHARED");
    h.put("Description", "DESCRIPTION");
    return new TypedValue(TYPE, h);
  }

  /** Never-used records first, then by last use; ties by ID (docker's buildCacheSort). */
  public List<TypedValue> rows(List<Map<String, Object>> records) {
    List<Map<String, Object>> sorted = new ArrayList<>(records);
    sorted.sort(Comparator.<Map<String, Object>, Instant>comparing(r -> lastUsed(r),
            Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(r -> JsonFields.string(r, "ID")));
    return sorted.stream().map(this::row).toList();
  }

  private TypedValue row(Map<String, Object> r) {
    String id = JsonFields.string(r, "ID");
    boolean inUse = JsonFields.bool(r, "InUse");
    // docker 28 shows the deprecated single "Parent", not "Parents" (checked against its output).
    String parent = JsonFields.string(r, "Parent");
    Instant created = instant(JsonFields.string(r, "CreatedAt"));
    Instant lastUsed = lastUsed(r);
    Map<String, Object> f = new TreeMap<>();
    f.put("CacheType", JsonFields.string(r, "Type"));
    f.put("CreatedAt", goString(created));
    f.put("CreatedSince", since(created));
    f.put("Description", JsonFields.string(r, "Description"));
    f.put("ID", (trunc ? ImageRows.shortId(id) : id) + (inUse ? "*" : ""));
    f.put("InUse", String.valueOf(inUse));
    f.put("LastUsedAt", lastUsed == null ? "" : goString(lastUsed));
    f.put("LastUsedSince", lastUsed == null ? "" : since(lastUsed));
    f.put("Parent", trunc ? ImageRows.shortId(parent) : parent);
    f.put("Shared", String.valueOf(JsonFields.bool(r, "Shared")));
    f.put("Size", Units.humanSizeWithPrecision(JsonFields.number(r, "Size", 0), 3));
    f.put("UsageCount", String.valueOf(JsonFields.number(r, "UsageCount", 0)));
    return new TypedValue(TYPE, f);
  }

  private String since(Instant then) {
    return Units.humanDuration(Duration.between(then, now)) + " ago";
  }

  private static Instant lastUsed(Map<String, Object> r) {
    String at = JsonFields.string(r, "LastUsedAt");
    return at.isEmpty() ? null : instant(at);
  }

  /** An absent or unreadable time is Go's zero time, as decoding it would give. */
  private static Instant instant(String rfc3339) {
    try {
      return Instant.parse(rfc3339);
    } catch (DateTimeParseException e) {
      return Instant.parse("0001-01-01T00:00:00Z");
    }
  }

  /** Go's {@code time.Time.String()} of a UTC time, fractional seconds included when present. */
  private static String goString(Instant t) {
    String base = GoTime.string(t.getEpochSecond(), ZoneOffset.UTC);
    if (t.getNano() == 0) {
      return base;
    }
    String fraction = String.format("%09d", t.getNano()).replaceAll("0+$", "");
    int space = base.indexOf(' ', base.indexOf(' ') + 1);
    return base.substring(0, space) + "." + fraction + base.substring(space);
  }
}
