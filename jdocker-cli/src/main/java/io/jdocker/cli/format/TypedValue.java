package io.jdocker.cli.format;

import io.jdocker.cli.json.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A value with a fixed set of fields, like the docker CLI's formatter contexts
 * ({@code *formatter.imageContext}): asking for a missing field is an error naming {@code goType},
 * and {@code {{json .}}} prints the fields in the given order, HTML-escaped, as Go does. A field
 * may be a {@link Supplier}, computed only when a template asks for it (time-zone data is slow
 * to load, and the default table never shows CreatedAt).
 */
public record TypedValue(String goType, Map<String, Object> fields, Map<String, Object> json) implements JsonValue {
  public TypedValue {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    json = json == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(json));
  }

  public TypedValue(String goType, Map<String, Object> fields) {
    this(goType, fields, null);
  }

  /**
   * A context whose {@code {{json .}}} is not its fields' values (docker's search results show
   * {@code [OK]} in templates but {@code "true"} in JSON).
   */
  public static TypedValue withJson(String goType, Map<String, Object> fields, Map<String, Object> json) {
    return new TypedValue(goType, fields, json);
  }

  /**
   * A Go field whose JSON name differs ({@code APIVersion} is {@code "ApiVersion"} on the wire):
   * templates reach it by its Go name, {@code {{json .}}} shows only the JSON name.
   */
  public record Alias(String jsonName) {}

  /** {@code fields} plus Go-name aliases of some of them. */
  public static TypedValue withAliases(String goType, Map<String, Object> fields, Map<String, String> goToJson) {
    Map<String, Object> all = new LinkedHashMap<>(fields);
    goToJson.forEach((go, json) -> all.putIfAbsent(go, new Alias(json)));
    return new TypedValue(goType, all);
  }

  public boolean has(String field) {
    return fields.containsKey(field);
  }

  /** The field's value, computing it if it was given as a supplier. */
  public Object get(String field) {
    Object v = fields.get(field);
    if (v instanceof Alias alias) {
      v = fields.get(alias.jsonName());
    }
    return v instanceof Supplier<?> s ? s.get() : v;
  }

  @Override
  public Object toJson() {
    if (json != null) {
      return json;
    }
    Map<String, Object> resolved = new LinkedHashMap<>();
    for (String key : fields.keySet()) {
      if (fields.get(key) instanceof java.util.function.Function<?, ?> || fields.get(key) instanceof Alias) {
        continue; // methods with arguments are not part of Go's JSON of a formatter context
      }
      resolved.put(key, get(key));
    }
    return resolved;
  }
}
