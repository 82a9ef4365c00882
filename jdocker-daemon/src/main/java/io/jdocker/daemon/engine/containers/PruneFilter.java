package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.api.Filters;
import io.jdocker.daemon.container.Container;
import io.jdocker.daemon.logs.LogTimeArgument;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/** {@code container prune} filters: {@code until} (created before), {@code label}, {@code label!}. */
final class PruneFilter {
  private PruneFilter() {}

  static boolean matches(Filters filters, Container c) {
    for (String until : filters.values("until")) {
      Instant limit = LogTimeArgument.parse("until", until, Instant.now(), ZoneId.systemDefault());
      if (limit != null && !c.created().isBefore(limit)) {
        return false;
      }
    }
    Map<String, String> labels = c.config().labelsOrEmpty();
    for (String label : filters.values("label")) {
      if (!hasLabel(labels, label)) {
        return false;
      }
    }
    for (String label : filters.values("label!")) {
      if (hasLabel(labels, label)) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasLabel(Map<String, String> labels, String entry) {
    int eq = entry.indexOf('=');
    String key = eq < 0 ? entry : entry.substring(0, eq);
    return labels.containsKey(key) && (eq < 0 || labels.get(key).equals(entry.substring(eq + 1)));
  }
}
