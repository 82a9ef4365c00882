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
public record TypedValue(String goType, Map<String, Object> fields) implements JsonValue {
  public TypedValue {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  public boolean has(String field) {
    return fields.containsKey(field);
  }

  /** The field's value, computing it if it was given as a supplier. */
  public Object get(String field) {
    Object v = fields.get(field);
    return v instanceof Supplier<?> s ? s.get() : v;
  }

  @Override
  public Object toJson() {
    Map<String, Object> resolved = new LinkedHashMap<>();
    for (String key : fields.keySet()) {
      resolved.put(key, get(key));
    }
    return resolved;
  }
}
