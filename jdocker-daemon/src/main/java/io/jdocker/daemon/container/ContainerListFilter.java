package io.jdocker.daemon.container;

import io.jdocker.daemon.api.Filters;
import io.jdocker.errdefs.InvalidParameterException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code GET /containers/json} selection as dockerd does it: filters {@code status}, {@code name}
 * (regex, matched with and without the leading "/"), {@code id} (regex, so a prefix works),
 * {@code label} ({@code key} or {@code key=value}), {@code ancestor}, {@code exited=N},
 * {@code before}/{@code since} (another container), {@code health}, {@code is-task}; values of one
 * key are OR-ed, keys are AND-ed. Stopped containers only with {@code all}, a {@code status}
 * filter, or a {@code limit}. Newest first.
 */
public final class ContainerListFilter {
  public static final Set<String> ACCEPTED = Set.of("ancestor", "before", "exited", "health", "id", "isolation",
      "is-task", "label", "name", "network", "publish", "since", "status", "volume", "expose");
  private static final Set<String> HEALTH = Set.of("starting", "healthy", "unhealthy", "none");

  /** {@code all}, {@code limit} (≤ 0: none; {@code -n}/{@code -l} / docker-py's {@code limit=-1}), the filters. */
  public record Options(boolean all, int limit, Filters filters) {
    public Options {
      filters = filters == null ? Filters.empty() : filters;
    }
  }

  /** Does container match an {@code ancestor} value (image name, ID or ID prefix)? The engine resolves images. */
  @FunctionalInterface
  public interface AncestorMatcher {
    boolean matches(String ancestor, Container container);

    /** Without an image store: the name the container was created from, or its image ID (prefix). */
    AncestorMatcher BY_NAME_OR_ID = (ancestor, c) -> {
      String id = c.imageId().startsWith("sha256:") ? c.imageId().substring(7) : c.imageId();
      String wanted = ancestor.startsWith("sha256:") ? ancestor.substring(7) : ancestor;
      return ancestor.equals(c.config().image()) || (!wanted.isEmpty() && id.startsWith(wanted))
          || (c.config().image() + ":latest").equals(ancestor) || c.config().image().equals(ancestor + ":latest");
    };
  }

  private ContainerListFilter() {}

  /**
   * @param newestFirst every container, sorted by {@link ContainerStore#NEWEST_FIRST}
   * @param lookup resolves {@code before}/{@code since} values (404 when unknown, as dockerd)
   */
  public static List<Container> select(List<Container> newestFirst, Options options, Function<String, Container> lookup,
      AncestorMatcher ancestors) {
    Filters filters = options.filters().requireKeys(ACCEPTED);
    boolean all = options.all() || options.limit() > 0;
    for (String status : filters.values("status")) {
      if (!ContainerStatus.isWireName(status)) {
        throw invalid("status", status);
      }
      all = true;
    }
    Set<Integer> exited = new HashSet<>();
    for (String code : filters.values("exited")) {
      try {
        exited.add(Integer.parseInt(code));
      } catch (NumberFormatException e) {
        throw invalid("exited", code);
      }
    }
    for (String health : filters.values("health")) {
      if (!HEALTH.contains(health)) {
        throw new InvalidParameterException("Unrecognised filter value for health: " + health);
      }
    }
    List<Pattern> names = patterns(filters.values("name"));
    List<Pattern> ids = patterns(filters.values("id"));
    ContainerId before = single(filters, "before", lookup);
    ContainerId since = single(filters, "since", lookup);

    List<Container> out = new ArrayList<>();
    boolean beforeSeen = before == null;
    for (Container c : newestFirst) {
      if (!beforeSeen) {
        beforeSeen = c.id().equals(before);
        continue;
      }
      if (since != null && c.id().equals(since)) {
        break;
      }
      if (!all && !c.state().isRunning()) {
        continue;
      }
      if (!matches(c, filters, names, ids, exited, ancestors)) {
        continue;
      }
      out.add(c);
      if (options.limit() > 0 && out.size() == options.limit()) {
        break;
      }
    }
    return out;
  }

  private static boolean matches(Container c, Filters filters, List<Pattern> names, List<Pattern> ids,
      Set<Integer> exited, AncestorMatcher ancestors) {
    if (filters.has("status") && !filters.values("status").contains(c.state().status().wireName())) {
      return false;
    }
    if (filters.has("name") && !anyFinds(names, c.displayName()) && !anyFinds(names, c.name())) {
      return false;
    }
    if (filters.has("id") && !anyFinds(ids, c.id().value())) {
      return false;
    }
    if (!labelsMatch(filters.values("label"), c.config().labelsOrEmpty())) {
      return false;
    }
    if (filters.has("exited") && (c.state().isRunning() || c.state().startedAt() == null
        || !exited.contains(c.state().exitCode()))) {
      return false;
    }
    if (filters.has("ancestor") && filters.values("ancestor").stream().noneMatch(a -> ancestors.matches(a, c))) {
      return false;
    }
    if (filters.has("health") && !filters.values("health").contains("none")) {
      return false; // no health checks run yet: every container's health is "none"
    }
    if (filters.has("is-task") && filters.values("is-task").contains("true")) {
      return false;
    }
    return true;
  }

  /** All {@code key} / {@code key=value} entries must be present (dockerd's MatchKVList). */
  static boolean labelsMatch(Set<String> wanted, Map<String, String> labels) {
    for (String entry : wanted) {
      int eq = entry.indexOf('=');
      String key = eq < 0 ? entry : entry.substring(0, eq);
      if (!labels.containsKey(key)) {
        return false;
      }
      if (eq >= 0 && !labels.get(key).equals(entry.substring(eq + 1))) {
        return false;
      }
    }
    return true;
  }

  /** dockerd skips filter values that are not valid regexes, so they match nothing. */
  private static List<Pattern> patterns(Set<String> values) {
    List<Pattern> out = new ArrayList<>();
    for (String v : values) {
      try {
        out.add(Pattern.compile(v));
      } catch (PatternSyntaxException e) {
        // never matches, as in Go
      }
    }
    return out;
  }

  private static boolean anyFinds(List<Pattern> patterns, String s) {
    return patterns.stream().anyMatch(p -> p.matcher(s).find());
  }

  private static ContainerId single(Filters filters, String key, Function<String, Container> lookup) {
    Set<String> values = filters.values(key);
    if (values.isEmpty()) {
      return null;
    }
    // dockerd uses the last value it walks; with one value (what the CLI sends) that is the value.
    String last = null;
    for (String v : values) {
      last = v;
    }
    return lookup.apply(last).id();
  }

  private static InvalidParameterException invalid(String key, String value) {
    return new InvalidParameterException("invalid filter '" + key + "=" + value + "'");
  }
}
