package io.jdocker.daemon.api;

/** An Engine API version such as 1.44, comparable so handlers can gate behaviour on it. */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {
  public static final ApiVersion MIN = new ApiVersion(1, 24);
  public static final ApiVersion MAX = new ApiVersion(1, 44);

  /** Parses "1.44"; returns null for anything else. */
  public static ApiVersion parse(String text) {
    int dot = text.indexOf('.');
    if (dot <= 0 || dot == text.length() - 1) {
      return null;
    }
    try {
      return new ApiVersion(
          Integer.parseInt(text.substring(0, dot)), Integer.parseInt(text.substring(dot + 1)));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public boolean atLeast(ApiVersion other) {
    return compareTo(other) >= 0;
  }

  @Override
  public int compareTo(ApiVersion o) {
    return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
