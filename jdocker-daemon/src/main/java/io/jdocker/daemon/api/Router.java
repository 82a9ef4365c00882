package io.jdocker.daemon.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The route table behind {@link RouteRegistry}: exact literal paths are looked up in a map, then
 * patterns are tried in declaration order. HEAD falls back to the GET route (the body is
 * dropped on the wire). Routes are registered at start-up; lookups are lock-free afterwards.
 */
public final class Router implements RouteRegistry {
  private final Map<String, Map<String, Handler>> literals = new HashMap<>();
  private final Map<String, List<PatternRoute>> patterns = new HashMap<>();

  private record PatternRoute(RoutePattern pattern, Handler handler) {}

  /** A matched route with its raw (still percent-encoded) path variables. */
  public record Match(Handler handler, Map<String, String> rawParams) {}

  @Override
  public synchronized void add(String method, String pattern, Handler handler) {
    Objects.requireNonNull(handler, "handler");
    RoutePattern compiled = RoutePattern.compile(pattern);
    String m = method.toUpperCase(java.util.Locale.ROOT);
    if (compiled.isLiteral()) {
      Handler previous = literals.computeIfAbsent(m, k -> new HashMap<>()).putIfAbsent(pattern, handler);
      if (previous != null) {
        throw new IllegalArgumentException("route declared twice: " + m + " " + pattern);
      }
    } else {
      patterns.computeIfAbsent(m, k -> new ArrayList<>()).add(new PatternRoute(compiled, handler));
    }
  }

  public void addAll(RouteGroup group) {
    group.register(this);
  }

  /** The route for a path without version prefix, or null. */
  public Match match(String method, String path) {
    Match match = matchExactly(method, path);
    if (match == null && method.equals("HEAD")) {
      match = matchExactly("GET", path);
    }
    return match;
  }

  private Match matchExactly(String method, String path) {
    Map<String, Handler> byPath = literals.get(method);
    Handler literal = byPath == null ? null : byPath.get(path);
    if (literal != null) {
      return new Match(literal, Map.of());
    }
    List<PatternRoute> candidates = patterns.get(method);
    if (candidates == null) {
      return null;
    }
    String[] segments = RoutePattern.segments(path);
    if (segments == null) {
      return null;
    }
    for (PatternRoute route : candidates) {
      Map<String, String> params = route.pattern().match(segments);
      if (params != null) {
        return new Match(route.handler(), params);
      }
    }
    return null;
  }
}
