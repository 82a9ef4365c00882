package io.jdocker.cli.model;

import java.util.List;
import java.util.Map;

/** Lenient reads from a decoded JSON object: absent or mistyped fields give the zero value. */
public final class JsonFields {
  private JsonFields() {}

  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(Object json) {
    return json instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  public static String string(Map<String, Object> map, String key) {
    return map.get(key) instanceof String s ? s : "";
  }

  public static long number(Map<String, Object> map, String key, long absent) {
    return map.get(key) instanceof Number n ? n.longValue() : absent;
  }

  public static boolean bool(Map<String, Object> map, String key) {
    return map.get(key) instanceof Boolean b && b;
  }

  public static List<String> strings(Map<String, Object> map, String key) {
    if (!(map.get(key) instanceof List<?> list)) {
      return List.of();
    }
    return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
  }

  public static List<Map<String, Object>> objects(Object json) {
    if (!(json instanceof List<?> list)) {
      return List.of();
    }
    return list.stream().map(JsonFields::object).toList();
  }
}
