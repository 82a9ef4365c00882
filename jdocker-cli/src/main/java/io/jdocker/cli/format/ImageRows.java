package io.jdocker.cli.format;

import io.jdocker.cli.model.ImageReference;
import io.jdocker.cli.model.ImageSummary;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Turns image summaries into the rows {@code docker images} prints (one per repository:tag). */
public final class ImageRows {
  public static final String DEFAULT_TABLE = "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}";
  public static final String DIGEST_TABLE =
      "table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}";
  public static final String QUIET = "{{.ID}}";
  private static final String NONE = "<none>";

  private final Instant now;
  private final Supplier<ZoneId> zone;
  private final boolean noTrunc;
  private final boolean digests;

  public ImageRows(Instant now, Supplier<ZoneId> zone, boolean noTrunc, boolean digests) {
    this.now = now;
    this.zone = zone;
    this.noTrunc = noTrunc;
    this.digests = digests;
  }

  public static TypedValue header() {
    Map<String, Object> h = new TreeMap<>();
    h.put("Repository", "REPOSITORY");
    h.put("Tag", "TAG");
    h.put("Digest", "DIGEST");
    h.put("ID", "IMAGE ID");
    h.put("CreatedSince", "CREATED");
    h.put("CreatedAt", "CREATED AT");
    h.put("Size", "SIZE");
    h.put("Containers", "CONTAINERS");
    h.put("VirtualSize", "VIRTUAL SIZE");
    h.put("SharedSize", "SHARED SIZE");
    h.put("UniqueSize", "UNIQUE SIZE");
    return new TypedValue("*formatter.imageContext", h);
  }

  /** Rows newest first; images with several tags give one row per tag. */
  public List<TypedValue> rows(List<ImageSummary> images) {
    List<ImageSummary> sorted = new ArrayList<>(images);
    sorted.sort(Comparator.comparingLong(ImageSummary::created).reversed());
    List<TypedValue> rows = new ArrayList<>();
    for (ImageSummary image : sorted) {
      int before = rows.size();
      Map<String, List<String>> repoTags = new TreeMap<>();
      Map<String, List<String>> repoDigests = new TreeMap<>();
      for (String tagged : image.repoTags()) {
        ImageReference ref = parse(tagged);
        if (ref != null && ref.tag() != null) {
          repoTags.computeIfAbsent(ref.name(), k -> new ArrayList<>()).add(ref.tag());
        }
      }
      for (String digested : image.repoDigests()) {
        ImageReference ref = parse(digested);
        if (ref != null && ref.digest() != null) {
          repoDigests.computeIfAbsent(ref.name(), k -> new ArrayList<>()).add(ref.digest());
        }
      }
      for (Map.Entry<String, List<String>> e : repoTags.entrySet()) {
        List<String> ds = repoDigests.remove(e.getKey());
        for (String tag : e.getValue()) {
          if (ds == null || ds.isEmpty()) {
            rows.add(row(image, e.getKey(), tag, NONE));
          } else if (!digests) {
            rows.add(row(image, e.getKey(), tag, ds.getFirst()));
          } else {
            for (String d : ds) {
              rows.add(row(image, e.getKey(), tag, d));
            }
          }
        }
      }
      for (Map.Entry<String, List<String>> e : repoDigests.entrySet()) {
        if (!digests) {
          rows.add(row(image, e.getKey(), NONE, e.getValue().getFirst()));
          continue;
        }
        for (String d : e.getValue()) {
          rows.add(row(image, e.getKey(), NONE, d));
        }
      }
      if (rows.size() == before) {
        rows.add(row(image, NONE, NONE, NONE));
      }
    }
    return rows;
  }

  /** One image shown as {@code repository:tag} ({@code system df -v} shows only the first tag). */
  public TypedValue row(ImageSummary image, String repository, String tag, String digest) {
    Map<String, Object> f = new TreeMap<>();
    f.put("Containers", image.containers() == -1 ? "N/A" : String.valueOf(image.containers()));
    f.put("CreatedAt", (Supplier<String>) () -> GoTime.string(image.created(), zone.get()));
    f.put("CreatedSince", Units.humanDuration(Duration.between(Instant.ofEpochSecond(image.created()), now)) + " ago");
    f.put("Digest", digest);
    f.put("ID", noTrunc ? image.id() : shortId(image.id()));
    f.put("Repository", repository);
    f.put("SharedSize", image.sharedSize() == -1 ? "N/A" : Units.humanSize(image.sharedSize()));
    f.put("Size", Units.humanSizeWithPrecision(image.size(), 3));
    f.put("Tag", tag);
    f.put("UniqueSize", image.size() == -1 || image.sharedSize() == -1 ? "N/A" : Units.humanSize(image.size() - image.sharedSize()));
    f.put("VirtualSize", Units.humanSize(image.size()));
    return new TypedValue("*formatter.imageContext", new LinkedHashMap<>(f));
  }

  /** stringid.TruncateID: drop the algorithm prefix, keep 12 characters. */
  public static String shortId(String id) {
    int colon = id.indexOf(':');
    String hex = colon >= 0 ? id.substring(colon + 1) : id;
    return hex.length() > 12 ? hex.substring(0, 12) : hex;
  }

  private static ImageReference parse(String ref) {
    try {
      return ImageReference.parse(ref);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
