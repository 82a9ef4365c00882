package io.jdocker.cli.format;

import io.jdocker.cli.model.ImageReference;
import io.jdocker.cli.model.JsonFields;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/** The rows of {@code docker ps}: docker's ContainerContext fields, computed from {@code GET /containers/json}. */
public final class ContainerRows {
  public static final String DEFAULT_TABLE =
      "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";
  public static final String SIZE_TABLE = DEFAULT_TABLE + "\t{{.Size}}";
  public static final String QUIET = "{{.ID}}";
  private static final String TYPE = "*formatter.ContainerContext";

  private final Instant now;
  private final Supplier<ZoneId> zone;
  private final boolean trunc;

  public ContainerRows(Instant now, Supplier<ZoneId> zone, boolean noTrunc) {
    this.now = now;
    this.zone = zone;
    this.trunc = !noTrunc;
  }

  public static TypedValue header() {
    Map<String, Object> h = new TreeMap<>();
    h.put("Command", "COMMAND");
    h.put("CreatedAt", "CREATED AT");
    h.put("ID", "CONTAINER ID");
    h.put("Image", "IMAGE");
    h.put("Label", (Function<Object, Object>) String::valueOf);
    h.put("Labels", "LABELS");
    h.put("LocalVolumes", "LOCAL VOLUMES");
    h.put("Mounts", "MOUNTS");
    h.put("Names", "NAMES");
    h.put("Networks", "NETWORKS");
    h.put("Platform", "PLATFORM");
    h.put("Ports", "PORTS");
    h.put("RunningFor", "CREATED");
    h.put("Size", "SIZE");
    h.put("State", "STATE");
    h.put("Status", "STATUS");
    return new TypedValue(TYPE, h);
  }

  public List<TypedValue> rows(List<Map<String, Object>> containers) {
    return containers.stream().map(this::row).toList();
  }

  private TypedValue row(Map<String, Object> c) {
    Map<String, Object> f = new TreeMap<>();
    String id = JsonFields.string(c, "Id");
    long created = JsonFields.number(c, "Created", 0);
    Map<String, Object> labels = new TreeMap<>(JsonFields.object(c.get("Labels")));
    f.put("Command", GoQuote.quote(trunc ? ellipsis(JsonFields.string(c, "Command"), 20) : JsonFields.string(c, "Command")));
    f.put("CreatedAt", (Supplier<String>) () -> GoTime.string(created, zone.get()));
    f.put("ID", trunc ? ImageRows.shortId(id) : id);
    f.put("Image", image(c));
    f.put("Label", (Function<Object, Object>) key -> labels.get(String.valueOf(key)) instanceof String s ? s : "");
    List<String> pairs = new ArrayList<>();
    labels.forEach((k, v) -> pairs.add(k + "=" + v));
    f.put("Labels", String.join(",", pairs));
    List<Map<String, Object>> mounts = JsonFields.objects(c.get("Mounts"));
    f.put("LocalVolumes", String.valueOf(mounts.stream().filter(m -> JsonFields.string(m, "Driver").equals("local")).count()));
    List<String> mountNames = new ArrayList<>();
    for (Map<String, Object> m : mounts) {
      String name = JsonFields.string(m, "Name").isEmpty() ? JsonFields.string(m, "Source") : JsonFields.string(m, "Name");
      mountNames.add(trunc ? ellipsis(name, 15) : name);
    }
    f.put("Mounts", String.join(",", mountNames));
    f.put("Names", names(JsonFields.strings(c, "Names")));
    Map<String, Object> networks = JsonFields.object(JsonFields.object(c.get("NetworkSettings")).get("Networks"));
    f.put("Networks", String.join(",", new TreeMap<>(networks).keySet()));
    f.put("Platform", c.get("ImageManifestDescriptor") instanceof Map<?, ?> d ? ((Map<?, ?>) d).get("platform") : null);
    f.put("Ports", Ports.displayable(JsonFields.objects(c.get("Ports"))));
    f.put("RunningFor", Units.humanDuration(Duration.between(Instant.ofEpochSecond(created), now)) + " ago");
    long sizeRw = JsonFields.number(c, "SizeRw", 0);
    long sizeRootFs = JsonFields.number(c, "SizeRootFs", 0);
    String rw = Units.humanSizeWithPrecision(sizeRw, 3);
    f.put("Size", sizeRootFs > 0 ? rw + " (virtual " + Units.humanSizeWithPrecision(sizeRootFs, 3) + ")" : rw);
    f.put("State", JsonFields.string(c, "State"));
    f.put("Status", JsonFields.string(c, "Status"));
    return new TypedValue(TYPE, f);
  }

  private String image(Map<String, Object> c) {
    String image = JsonFields.string(c, "Image");
    if (image.isEmpty()) {
      return "<no image>";
    }
    if (!trunc) {
      return image;
    }
    String imageId = JsonFields.string(c, "ImageID");
    if (ImageRows.shortId(imageId).equals(ImageRows.shortId(image))) {
      return ImageRows.shortId(imageId);
    }
    try {
      ImageReference ref = ImageReference.parse(image);
      return ref.tag() != null ? ref.name() + ":" + ref.tag() : ref.name();
    } catch (IllegalArgumentException e) {
      return image;
    }
  }

  private String names(List<String> raw) {
    List<String> names = raw.stream().map(n -> n.startsWith("/") ? n.substring(1) : n).toList();
    if (names.isEmpty()) {
      return "";
    }
    if (!trunc) {
      return String.join(",", names);
    }
    return names.stream().filter(n -> !n.contains("/")).findFirst().orElse(names.getFirst());
  }

  /** docker's formatter.Ellipsis: at most {@code max} characters, the last one "…" when cut. */
  static String ellipsis(String s, int max) {
    int length = s.codePointCount(0, s.length());
    if (length <= max) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
  }
}
