package io.jdocker.cli.command;

import io.jdocker.cli.json.JsonWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code -f key=value} flags as the API's {@code filters} JSON: {@code {"key":{"value":true}}}. */
final class Filters {
  private final Map<String, Map<String, Object>> filters = new TreeMap<>();

  static Filters parse(List<String> flags, picocli.CommandLine.Model.CommandSpec command) {
    Filters f = new Filters();
    for (String flag : flags) {
      int eq = flag.indexOf('=');
      if (eq < 0) {
        throw new UsageException(command,
            "invalid argument \"" + flag + "\" for \"-f, --filter\" flag: bad format of filter (expected name=value)", true);
      }
      f.add(flag.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT), flag.substring(eq + 1));
    }
    return f;
  }

  Filters add(String key, String value) {
    filters.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(value, true);
    return this;
  }

  /** The query value, or null when there are no filters (the CLI then omits the parameter). */
  String toQueryValue() {
    return filters.isEmpty() ? null : JsonWriter.write(filters, "", false);
  }
}
