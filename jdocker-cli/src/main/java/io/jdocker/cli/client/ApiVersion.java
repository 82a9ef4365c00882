package io.jdocker.cli.client;

/** API version negotiation as the docker CLI (≤ 28) does it. */
public final class ApiVersion {
  /** The highest API version this client speaks. */
  public static final String CLIENT_MAX = "1.44";
  /** What the docker CLI assumes when the ping carries no Api-Version header. */
  public static final String FALLBACK = "1.24";

  private ApiVersion() {}

  /** {@code min(CLIENT_MAX, ping's Api-Version or FALLBACK)}. */
  public static String negotiate(String pingHeader) {
    String server = pingHeader == null || pingHeader.isBlank() ? FALLBACK : pingHeader.strip();
    return lessThan(server, CLIENT_MAX) ? server : CLIENT_MAX;
  }

  /** Numeric comparison per dot-separated part ("1.9" < "1.24"). */
  public static boolean lessThan(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int xi = i < x.length ? parse(x[i]) : 0;
      int yi = i < y.length ? parse(y[i]) : 0;
      if (xi != yi) {
        return xi < yi;
      }
    }
    return false;
  }

  private static int parse(String part) {
    try {
      return Integer.parseInt(part);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
