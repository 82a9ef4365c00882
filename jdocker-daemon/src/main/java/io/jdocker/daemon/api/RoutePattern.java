package io.jdocker.daemon.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled route pattern: literal segments, {@code {id}} (exactly one segment) and
 * {@code {name*}} (one or more segments, greedy like dockerd's {@code {name:.*}}).
 */
final class RoutePattern {
  private sealed interface Part permits Literal, One, Many {}

  private record Literal(String text) implements Part {}

  private record One(String name) implements Part {}

  private record Many(String name) implements Part {}

  private final List<Part> parts;

  private RoutePattern(List<Part> parts) {
    this.parts = parts;
  }

  static RoutePattern compile(String pattern) {
    String[] segments = segments(pattern);
    if (segments == null) {
      throw new IllegalArgumentException("route pattern must start with '/': " + pattern);
    }
    Part[] parts = new Part[segments.length];
    for (int i = 0; i < segments.length; i++) {
      String s = segments[i];
      if (s.startsWith("{") && s.endsWith("}")) {
        String name = s.substring(1, s.length() - 1);
        parts[i] = name.endsWith("*") ? new Many(name.substring(0, name.length() - 1)) : new One(name);
      } else if (s.indexOf('{') >= 0 || s.indexOf('}') >= 0) {
        throw new IllegalArgumentException("a variable must be a whole segment: " + pattern);
      } else {
        parts[i] = new Literal(s);
      }
    }
    return new RoutePattern(List.of(parts));
  }

  boolean isLiteral() {
    return parts.stream().allMatch(p -> p instanceof Literal);
  }

  /** "/a/b" → ["a", "b"]; "/" → [""]; null when the path is not absolute. */
  static String[] segments(String path) {
    if (path.isEmpty() || path.charAt(0) != '/') {
      return null;
    }
    return path.substring(1).split("/", -1);
  }

  /** The raw variables when the segments match, else null. */
  Map<String, String> match(String[] segments) {
    Map<String, String> params = new HashMap<>(4);
    return match(0, segments, 0, params) ? params : null;
  }

  private boolean match(int partIndex, String[] segments, int segIndex, Map<String, String> params) {
    if (partIndex == parts.size()) {
      return segIndex == segments.length;
    }
    if (segIndex >= segments.length) {
      return false;
    }
    Part part = parts.get(partIndex);
    switch (part) {
      case Literal l -> {
        return l.text().equals(segments[segIndex]) && match(partIndex + 1, segments, segIndex + 1, params);
      }
      case One o -> {
        if (segments[segIndex].isEmpty()) {
          return false;
        }
        params.put(o.name(), segments[segIndex]);
        return match(partIndex + 1, segments, segIndex + 1, params);
      }
      case Many m -> {
        int partsAfter = parts.size() - partIndex - 1;
        for (int end = segments.length - partsAfter; end > segIndex; end--) {
          if (match(partIndex + 1, segments, end, params)) {
            String value = String.join("/", java.util.Arrays.copyOfRange(segments, segIndex, end));
            if (value.isEmpty()) {
              return false;
            }
            params.put(m.name(), value);
            return true;
          }
        }
        return false;
      }
    }
  }
}
