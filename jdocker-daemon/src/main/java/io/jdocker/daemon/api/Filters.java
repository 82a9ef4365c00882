package io.jdocker.daemon.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdocker.errdefs.InvalidParameterException;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The {@code filters} query parameter. Clients send {@code {"key":{"value":true}}}; older ones
 * send {@code {"key":["value"]}}. Both parse to key → set of values.
 */
public final class Filters {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Filters EMPTY = new Filters(Map.of());

  private final Map<String, Set<String>> values;

  private Filters(Map<String, Set<String>> values) {
    this.values = values;
  }

  public static Filters empty() {
    return EMPTY;
  }

  public static Filters parse(String json) {
    if (json == null || json.isBlank()) {
      return EMPTY;
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new InvalidParameterException("invalid filter: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new InvalidParameterException("invalid filter: expected a JSON object");
    }
    Map<String, Set<String>> parsed = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      Set<String> set = new LinkedHashSet<>();
      JsonNode node = field.getValue();
      if (node.isObject()) {
        node.properties().forEach(v -> {
          if (v.getValue().asBoolean(false)) {
            set.add(v.getKey());
          }
        });
      } else if (node.isArray()) {
        node.forEach(v -> set.add(v.asText()));
      } else {
        throw new InvalidParameterException("invalid filter '" + field.getKey() + "'");
      }
      parsed.put(field.getKey(), Collections.unmodifiableSet(set));
    }
    return new Filters(Collections.unmodifiableMap(parsed));
  }

  /** Refuses keys the endpoint does not know, with dockerd's message. */
  public Filters requireKeys(Set<String> allowed) {
    for (String key : values.keySet()) {
      if (!allowed.contains(key)) {
        throw new InvalidParameterException("invalid filter '" + key + "'");
      }
    }
    return this;
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  public Set<String> values(String key) {
    return values.getOrDefault(key, Set.of());
  }

  public Set<String> keys() {
    return values.keySet();
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }
}
