package io.jdocker.cli.format;

import io.jdocker.cli.model.JsonFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Volumes as the docker CLI's {@code *formatter.volumeContext} shows them. */
public final class VolumeRows {
  private static final String TYPE = "*formatter.volumeContext";
  private static final String NOT_AVAILABLE = "N/A";

  private VolumeRows() {}

  public static TypedValue header() {
    Map<String, Object> h = new TreeMap<>();
    h.put("Availability", "AVAILABILITY");
    h.put("Driver", "DRIVER");
    h.put("Group", "GROUP");
    h.put("Label", (Function<Object, Object>) String::valueOf);
    h.put("Labels", "LABELS");
    h.put("Links", "LINKS");
    h.put("Mountpoint", "MOUNTPOINT");
    h.put("Name", "VOLUME NAME");
    h.put("Scope", "SCOPE");
    h.put("Size", "SIZE");
    h.put("Status", "STATUS");
    return new TypedValue(TYPE, h);
  }

  public static List<TypedValue> rows(List<Map<String, Object>> volumes) {
    return volumes.stream().map(VolumeRows::row).toList();
  }

  private static TypedValue row(Map<String, Object> v) {
    Map<String, Object> labels = new TreeMap<>(JsonFields.object(v.get("Labels")));
    List<String> pairs = new ArrayList<>();
    labels.forEach((k, val) -> pairs.add(k + "=" + val));
    Map<String, Object> usage = v.get("UsageData") instanceof Map<?, ?> ? JsonFields.object(v.get("UsageData")) : null;
    Map<String, Object> cluster = v.get("ClusterVolume") instanceof Map<?, ?> ? JsonFields.object(v.get("ClusterVolume")) : null;
    Map<String, Object> spec = cluster == null ? Map.of() : JsonFields.object(cluster.get("Spec"));
    Map<String, Object> f = new TreeMap<>();
    f.put("Availability", cluster == null ? NOT_AVAILABLE : JsonFields.string(spec, "Availability"));
    f.put("Driver", JsonFields.string(v, "Driver"));
    f.put("Group", cluster == null ? NOT_AVAILABLE : JsonFields.string(spec, "Group"));
    f.put("Label", (Function<Object, Object>) key -> labels.get(String.valueOf(key)) instanceof String s ? s : "");
    f.put("Labels", String.join(",", pairs));
    f.put("Links", usage == null ? NOT_AVAILABLE : String.valueOf(JsonFields.number(usage, "RefCount", -1)));
    f.put("Mountpoint", JsonFields.string(v, "Mountpoint"));
    f.put("Name", JsonFields.string(v, "Name"));
    f.put("Scope", JsonFields.string(v, "Scope"));
    f.put("Size", usage == null ? NOT_AVAILABLE : Units.humanSize(JsonFields.number(usage, "Size", -1)));
    // Only cluster (CSI) volumes have a status docker can show.
    f.put("Status", NOT_AVAILABLE);
    return new TypedValue(TYPE, f);
  }
}
