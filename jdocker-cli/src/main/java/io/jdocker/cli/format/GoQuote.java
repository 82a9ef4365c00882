package io.jdocker.cli.format;

/** Go's {@code strconv.Quote}: double quotes, backslash escapes for quotes, controls and invalid text. */
public final class GoQuote {
  private GoQuote() {}

  public static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    s.codePoints().forEach(c -> {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        case 7 -> sb.append("\\a");
        case 8 -> sb.append("\\b");
        case 12 -> sb.append("\\f");
        case 11 -> sb.append("\\v");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\x%02x", c));
          } else if (!Character.isDefined(c) || Character.getType(c) == Character.CONTROL) {
            sb.append(c <= 0xffff ? String.format("\\u%04x", c) : String.format("\\U%08x", c));
          } else {
            sb.appendCodePoint(c);
          }
        }
      }
    });
    return sb.append('"').toString();
  }
}
