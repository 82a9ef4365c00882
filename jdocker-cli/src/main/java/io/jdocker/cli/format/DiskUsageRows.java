package io.jdocker.cli.format;

import io.jdocker.cli.model.JsonFields;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The four summary rows of {@code system df} (Images, Containers, Local Volumes, Build Cache).
 * The docker 28 CLI computes the counts and reclaimable space itself from the {@code /system/df}
 * lists, so this does the same arithmetic to print the same numbers.
 */
public final class DiskUsageRows {
  public static final String DEFAULT_TABLE = "table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}";
  /** docker's {@code raw} format for the summary. */
  public static final String RAW = "type: {{.Type}}\ntotal: {{.TotalCount}}\nactive: {{.Active}}\nsize: {{.Size}}\n"
      + "reclaimable: {{.Reclaimable}}\n";

  private DiskUsageRows() {}

  public static TypedValue header() {
    Map<String, Object> h = new TreeMap<>();
    h.put("Type", "TYPE");
    h.put("TotalCount", "TOTAL");
    h.put("Active", "ACTIVE");
    h.put("Size", "SIZE");
    h.put("Reclaimable", "RECLAIMABLE");
    return new TypedValue("*formatter.diskUsageContainersContext", h);
  }

  /** The rows for one {@code /system/df} answer. */
  public static List<TypedValue> rows(Map<String, Object> df) {
    return List.of(images(df), containers(df), volumes(df), buildCache(df));
  }

  private static TypedValue images(Map<String, Object> df) {
    List<Map<String, Object>> images = JsonFields.objects(df.get("Images"));
    long total = JsonFields.number(df, "LayersSize", 0);
    long active = 0;
    long used = 0;
    for (Map<String, Object> image : images) {
      long containers = JsonFields.number(image, "Containers", -1);
      long size = JsonFields.number(image, "Size", 0);
      long shared = JsonFields.number(image, "SharedSize", -1);
      if (containers > 0) {
        active++;
      }
      // -1 means "not computed"; docker counts such an image as in use but adds nothing for it.
      if (containers != 0 && size != -1 && shared != -1) {
        used += size - shared;
      }
    }
    return row("diskUsageImagesContext", "Images", images.size(), active, total, withPercent(total - used, total));
  }

  private static TypedValue containers(Map<String, Object> df) {
    List<Map<String, Object>> containers = JsonFields.objects(df.get("Containers"));
    long active = 0;
    long total = 0;
    long reclaimable = 0;
    for (Map<String, Object> c : containers) {
      long rw = JsonFields.number(c, "SizeRw", 0);
      total += rw;
      if (isActive(JsonFields.string(c, "State"))) {
        active++;
      } else {
        reclaimable += rw;
      }
    }
    return row("diskUsageContainersContext", "Containers", containers.size(), active, total, withPercent(reclaimable, total));
  }

  private static boolean isActive(String state) {
    return state.contains("running") || state.contains("paused") || state.contains("restarting");
  }

  private static TypedValue volumes(Map<String, Object> df) {
    List<Map<String, Object>> volumes = JsonFields.objects(df.get("Volumes"));
    long active = 0;
    long total = 0;
    long reclaimable = 0;
    for (Map<String, Object> v : volumes) {
      Map<String, Object> usage = JsonFields.object(v.get("UsageData"));
      long refs = JsonFields.number(usage, "RefCount", -1);
      long size = JsonFields.number(usage, "Size", -1);
      if (refs > 0) {
        active++;
      }
      if (size != -1) {
        total += size;
        if (refs == 0) {
          reclaimable += size;
        }
      }
    }
    return row("diskUsageVolumesContext", "Local Volumes", volumes.size(), active, total, withPercent(reclaimable, total));
  }

  private static TypedValue buildCache(Map<String, Object> df) {
    List<Map<String, Object>> records = JsonFields.objects(df.get("BuildCache"));
    long active = 0;
    long inUse = 0;
    for (Map<String, Object> r : records) {
      if (JsonFields.bool(r, "InUse")) {
        active++;
        if (!JsonFields.bool(r, "Shared")) {
          inUse += JsonFields.number(r, "Size", 0);
        }
      }
    }
    long total = buildCacheSize(records);
    // docker prints no percentage for the build cache.
    return row("diskUsageBuilderContext", "Build Cache", records.size(), active, total, Units.humanSize(total - inUse));
  }

  /** What docker reports as the build cache's size: records not shared with others. */
  public static long buildCacheSize(List<Map<String, Object>> records) {
    long size = 0;
    for (Map<String, Object> r : records) {
      if (!JsonFields.bool(r, "Shared")) {
        size += JsonFields.number(r, "Size", 0);
      }
    }
    return size;
  }

  private static String withPercent(long reclaimable, long total) {
    String size = Units.humanSize(reclaimable);
    return total > 0 ? size + " (" + (reclaimable * 100) / total + "%)" : size;
  }

  private static TypedValue row(String goType, String type, long count, long active, long size, String reclaimable) {
    Map<String, Object> f = new TreeMap<>();
    f.put("Active", String.valueOf(active));
    f.put("Reclaimable", reclaimable);
    f.put("Size", Units.humanSize(size));
    f.put("TotalCount", String.valueOf(count));
    f.put("Type", type);
    return new TypedValue("*formatter." + goType, f);
  }
}
