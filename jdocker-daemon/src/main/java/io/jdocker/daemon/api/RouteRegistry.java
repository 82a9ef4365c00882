package io.jdocker.daemon.api;

/**
 * Where route groups declare their routes. Patterns are paths without the {@code /vX.Y} prefix.
 * {@code {id}} matches one path segment; {@code {name*}} matches one or more segments (image
 * names contain '/' and ':'), so {@code /images/{name*}/json} takes everything between
 * {@code /images/} and {@code /json}. Literal routes win over patterns
 * ({@code GET /images/json} is the list, not an image called "json"); otherwise the first
 * declared match wins.
 */
public interface RouteRegistry {
  void add(String method, String pattern, Handler handler);
}
