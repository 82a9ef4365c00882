package io.jdocker.daemon.engine.images;

import io.jdocker.daemon.api.Filters;
import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.image.registry.SearchResult;
import java.util.List;
import java.util.Set;

/**
 * A {@code docker search} as dockerd's registry service reads it: the term names the index
 * ({@code 127.0.0.1:5000/word} searches that registry, anything else Docker Hub), the filters
 * select among the hits, and {@code is_automated} is always reported false (Hub's value is not
 * trusted since it was deprecated; {@code is-automated=true} therefore finds nothing).
 *
 * @param indexHost the registry to ask ({@code docker.io} for Docker Hub)
 * @param official null when not filtered
 * @param nothing whether the filters rule out every hit, so no request is needed
 */
record SearchQuery(String indexHost, String term, int limit, Boolean official, Integer minStars, boolean nothing) {
  static final String DOCKER_HUB = "docker.io";
  private static final int DEFAULT_LIMIT = 25;
  private static final Set<String> FILTERS = Set.of("is-automated", "is-official", "stars");

  static SearchQuery of(String term, int limit, Filters filters) {
    filters.requireKeys(FILTERS);
    boolean automated = bool(filters, "is-automated");
    Boolean official = filters.has("is-official") ? bool(filters, "is-official") : null;
    Integer minStars = filters.has("stars") ? stars(filters) : null;
    if (term.contains("://")) {
      throw new InvalidParameterException(
          "invalid repository name: repository name (" + term + ") should not have a scheme");
    }
    int effectiveLimit = limit == 0 ? DEFAULT_LIMIT : limit;
    if (effectiveLimit < 1 || effectiveLimit > 100) {
      throw new InvalidParameterException("limit " + effectiveLimit + " is outside the range of [1, 100]");
    }
    String[] split = splitTerm(term);
    return new SearchQuery(split[0], split[1], effectiveLimit, official, minStars, automated);
  }

  /** dockerd's splitReposSearchTerm; Docker Hub's official images are searched without "library/". */
  private static String[] splitTerm(String term) {
    int slash = term.indexOf('/');
    String first = slash < 0 ? "" : term.substring(0, slash);
    boolean hub = slash < 0 || (!first.contains(".") && !first.contains(":") && !first.equals("localhost"));
    String index = hub || first.equals("index.docker.io") ? DOCKER_HUB : first;
    String remote = hub ? term : term.substring(slash + 1);
    if (index.equals(DOCKER_HUB) && remote.startsWith("library/")) {
      remote = remote.substring("library/".length());
    }
    return new String[] {index, remote};
  }

  List<SearchResult> select(List<SearchResult> hits) {
    return hits.stream()
        .filter(h -> official == null || h.official() == official)
        .filter(h -> minStars == null || h.starCount() >= minStars)
        .map(h -> new SearchResult(h.name(), h.description(), h.starCount(), h.official(), false))
        .toList();
  }

  /** filters.Args.GetBoolOrDefault: one value, "1"/"true" or "0"/"false". */
  private static boolean bool(Filters filters, String key) {
    Set<String> values = filters.values(key);
    if (values.isEmpty()) {
      return false;
    }
    boolean isTrue = values.contains("1") || values.contains("true");
    boolean isFalse = values.contains("0") || values.contains("false");
    if (values.size() > 1 || isTrue == isFalse) {
      throw new InvalidParameterException("invalid filter '" + key + "=" + String.join(",", values) + "'");
    }
    return isTrue;
  }

  /** The highest of the {@code stars} values. */
  private static int stars(Filters filters) {
    int min = 0;
    for (String value : filters.values("stars")) {
      try {
        min = Math.max(min, Integer.parseInt(value));
      } catch (NumberFormatException e) {
        throw new InvalidParameterException("invalid filter 'stars=" + value + "': strconv.Atoi: parsing \""
            + value + "\": invalid syntax");
      }
    }
    return min;
  }
}
