package io.jdocker.image.commit;

import io.jdocker.image.oci.HistoryEntry;
import io.jdocker.image.oci.ImageConfig;
import io.jdocker.image.oci.RootFs;
import io.jdocker.image.oci.Timestamps;
import io.jdocker.image.ref.Digest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The config of a committed image, as moby's {@code image.NewChildImage} writes it: the parent's
 * layers plus the container's (unless its diff is empty), the parent's history plus one entry,
 * the parent's architecture and variant, and the container's config.
 */
public final class ChildImage {
  /**
   * The diffID of a tar with no entries (two zero blocks). dockerd's {@code layer.IsEmpty}: such
   * a diff adds no layer, only a history entry marked {@code empty_layer}.
   */
  public static final Digest EMPTY_LAYER = Digest.of(new byte[1024]);

  private ChildImage() {}

  /**
   * @param parent the image the container was created from, or null
   * @param diffId the container's layer (may be {@link #EMPTY_LAYER})
   */
  public static ImageConfig of(ImageConfig parent, ChildConfig child, Digest diffId, Instant now) {
    boolean emptyLayer = diffId.equals(EMPTY_LAYER);
    String created = Timestamps.rfc3339Nano(now);
    List<Digest> layers = new ArrayList<>(parent == null || parent.rootfs() == null ? List.of()
        : parent.rootfs().digests());
    if (!emptyLayer) {
      layers.add(diffId);
    }
    List<HistoryEntry> history = new ArrayList<>(parent == null ? List.of() : parent.historyOrEmpty());
    List<String> cmd = child.containerConfig().cmd();
    String createdBy = cmd == null ? "" : String.join(" ", cmd);
    history.add(new HistoryEntry(created, blankToNull(createdBy), blankToNull(child.author()),
        blankToNull(child.comment()), emptyLayer ? Boolean.TRUE : null));

    Map<String, Object> extra = new LinkedHashMap<>();
    putIfPresent(extra, "container", child.containerId());
    extra.put("container_config", child.containerConfig());
    putIfPresent(extra, "docker_version", child.dockerVersion());
    if (parent != null) {
      // NewChildImage keeps the parent's OS version and features (Windows images carry them).
      copy(parent.extra(), extra, "os.version");
      copy(parent.extra(), extra, "os.features");
    }
    String architecture = parent == null || isBlank(parent.architecture()) ? hostArchitecture() : parent.architecture();
    // No top-level comment: moby keeps it in history only (image inspect falls back to it).
    return new ImageConfig(architecture, child.os(), parent == null ? null : parent.variant(), created,
        blankToNull(child.author()), null, null, child.config(), RootFs.layers(layers), history, extra);
  }

  /** Go's GOARCH for the JVM's architecture, for a parent that names none. */
  static String hostArchitecture() {
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    return switch (arch) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      case "x86", "i386", "i686" -> "386";
      default -> arch;
    };
  }

  private static void copy(Map<String, Object> from, Map<String, Object> to, String key) {
    Object value = from.get(key);
    if (value != null) {
      to.put(key, value);
    }
  }

  private static void putIfPresent(Map<String, Object> map, String key, String value) {
    if (!isBlank(value)) {
      map.put(key, value);
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isEmpty();
  }

  private static String blankToNull(String s) {
    return isBlank(s) ? null : s;
  }
}
