package io.jdocker.daemon.api;

/**
 * The request URI split into API version, path (prefix stripped, still percent-encoded) and raw
 * query. {@code /v1.44/images/json} → 1.44, {@code /images/json}; an unversioned path is served
 * at {@link ApiVersion#MAX}.
 */
public record RequestTarget(String versionText, ApiVersion version, String path, String rawQuery) {

  public static RequestTarget parse(String uri) {
    int q = uri.indexOf('?');
    String rawPath = q < 0 ? uri : uri.substring(0, q);
    String rawQuery = q < 0 ? "" : uri.substring(q + 1);
    if (rawPath.startsWith("/v") && rawPath.length() > 2 && isVersionChar(rawPath.charAt(2))) {
      int end = 2;
      while (end < rawPath.length() && isVersionChar(rawPath.charAt(end))) {
        end++;
      }
      if (end == rawPath.length() || rawPath.charAt(end) == '/') {
        String text = rawPath.substring(2, end);
        String rest = end == rawPath.length() ? "/" : rawPath.substring(end);
        return new RequestTarget(text, parseLenient(text), rest, rawQuery);
      }
    }
    return new RequestTarget(ApiVersion.MAX.toString(), ApiVersion.MAX, rawPath, rawQuery);
  }

  public boolean tooNew() {
    return version.compareTo(ApiVersion.MAX) > 0;
  }

  public boolean tooOld() {
    return version.compareTo(ApiVersion.MIN) < 0;
  }

  public String tooNewMessage() {
    return "client version " + versionText + " is too new. Maximum supported API version is "
        + ApiVersion.MAX;
  }

  public String tooOldMessage() {
    return "client version " + versionText + " is too old. Minimum supported API version is "
        + ApiVersion.MIN + ", please upgrade your client to a newer version";
  }

  private static boolean isVersionChar(char c) {
    return (c >= '0' && c <= '9') || c == '.';
  }

  /** Like dockerd's version compare: "1" is 1.0, "1.44.1" compares as 1.44, garbage is too old. */
  private static ApiVersion parseLenient(String text) {
    String[] parts = text.split("\\.");
    try {
      int major = parts.length > 0 && !parts[0].isEmpty() ? Integer.parseInt(parts[0]) : 0;
      int minor = parts.length > 1 && !parts[1].isEmpty() ? Integer.parseInt(parts[1]) : 0;
      return new ApiVersion(major, minor);
    } catch (NumberFormatException e) {
      return new ApiVersion(0, 0);
    }
  }
}
