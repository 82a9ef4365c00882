package io.jdocker.daemon.engine.images;

import io.jdocker.daemon.api.Filters;
import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.image.oci.Timestamps;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.ref.ImageReference;
import io.jdocker.image.store.ImageResolver;
import io.jdocker.image.store.ImageStore;
import io.jdocker.image.store.StoredImage;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** {@code GET /images/json} selection: dangling, reference (glob), label, before, since, until. */
final class ImageListFilter {
  static final Set<String> ACCEPTED = Set.of("dangling", "reference", "label", "before", "since", "until");

  private ImageListFilter() {}

  static List<StoredImage> select(ImageStore store, boolean all, Filters filters) {
    filters.requireKeys(ACCEPTED);
    Predicate<StoredImage> keep = image -> true;
    if (filters.has("dangling")) {
      boolean dangling = danglingValue(filters.values("dangling"));
      keep = keep.and(i -> store.references(i.id()).isEmpty() == dangling);
    }
    if (filters.has("reference")) {
      List<Pattern> patterns = filters.values("reference").stream().map(Glob::compile).toList();
      keep = keep.and(i -> store.references(i.id()).stream().anyMatch(r -> matchesAny(patterns, r)));
    }
    for (String label : filters.values("label")) {
      keep = keep.and(i -> hasLabel(i, label));
    }
    ImageResolver resolver = new ImageResolver(store);
    for (String before : filters.values("before")) {
      Instant limit = created(resolver.resolve(before));
      keep = keep.and(i -> created(i).isBefore(limit));
    }
    for (String since : filters.values("since")) {
      Instant limit = created(resolver.resolve(since));
      keep = keep.and(i -> created(i).isAfter(limit));
    }
    for (String until : filters.values("until")) {
      Instant limit = parseTime(until);
      keep = keep.and(i -> created(i).isBefore(limit));
    }
    if (!all && !filters.has("dangling")) {
      keep = keep.and(i -> !isIntermediate(store, i));
    }
    return store.images().stream().filter(keep)
        .sorted(Comparator.comparing(ImageListFilter::created).reversed().thenComparing(StoredImage::id)).toList();
  }

  private static boolean danglingValue(Set<String> values) {
    if (values.size() != 1) {
      throw new InvalidParameterException("Invalid filter 'dangling'");
    }
    String v = values.iterator().next();
    if (v.equalsIgnoreCase("true") || v.equals("1")) {
      return true;
    }
    if (v.equalsIgnoreCase("false") || v.equals("0")) {
      return false;
    }
    throw new InvalidParameterException("Invalid filter 'dangling=" + v + "'");
  }

  /** Docker's FamiliarMatch: the pattern against "name:tag", then against the bare name. */
  private static boolean matchesAny(List<Pattern> patterns, ImageReference ref) {
    return patterns.stream().anyMatch(p ->
        p.matcher(ref.familiarString()).matches() || p.matcher(ref.familiarName()).matches());
  }

  private static boolean hasLabel(StoredImage image, String filter) {
    Map<String, String> labels = image.config().configOrEmpty().labelsOrEmpty();
    int eq = filter.indexOf('=');
    if (eq < 0) {
      return labels.containsKey(filter);
    }
    return filter.substring(eq + 1).equals(labels.get(filter.substring(0, eq)));
  }

  /** A parent of another image with no tag of its own: hidden unless {@code all}. */
  private static boolean isIntermediate(ImageStore store, StoredImage image) {
    Digest id = image.id();
    return store.references(id).isEmpty()
        && store.images().stream().anyMatch(other -> other.parent().map(id::equals).orElse(false));
  }

  static Instant created(StoredImage image) {
    return Timestamps.parse(image.config().created()).orElse(Instant.EPOCH);
  }

  /** Unix seconds (with fraction), RFC 3339, or a Go-style duration before now ("10m", "2h"). */
  static Instant parseTime(String value) {
    if (value.matches("\\d+(\\.\\d+)?")) {
      return Instant.ofEpochMilli((long) (Double.parseDouble(value) * 1000));
    }
    var rfc = Timestamps.parse(value);
    if (rfc.isPresent()) {
      return rfc.get();
    }
    var m = Pattern.compile("(\\d+)(ms|s|m|h)").matcher(value);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      Duration d = switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
      return Instant.now().minus(d);
    }
    throw new InvalidParameterException("invalid filter 'until=" + value + "'");
  }
}
