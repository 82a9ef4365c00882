package io.jdocker.cli.format;

/**
 * Terminal cell widths of characters (go-runewidth's rules, simplified): East Asian wide and
 * full-width characters and most emoji take two cells, combining marks and format characters none.
 */
public final class DisplayWidth {
  private DisplayWidth() {}

  /** Cells one character takes. */
  public static int of(int codePoint) {
    int type = Character.getType(codePoint);
    if (codePoint == 0 || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT) {
      return 0;
    }
    return wide(codePoint) ? 2 : 1;
  }

  private static boolean wide(int c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F)
        || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F)
        || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F)
        || (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
  }

  /**
   * docker's {@code formatter.Ellipsis}: {@code s} cut to at most {@code max} cells, the last one
   * "…" when something was cut.
   */
  public static String ellipsis(String s, int max) {
    if (max <= 0) {
      return "";
    }
    int[] codePoints = s.codePoints().toArray();
    if (max == 1) {
      return codePoints.length == 0 ? "" : new String(codePoints, 0, 1);
    }
    int total = 0;
    int[] widths = new int[codePoints.length];
    for (int i = 0; i < codePoints.length; i++) {
      total += of(codePoints[i]);
      widths[i] = total;
    }
    if (total <= max) {
      return s;
    }
    for (int i = 0; i + 1 < widths.length; i++) {
      if (widths[i] <= max - 1 && widths[i + 1] > max - 1) {
        return new String(codePoints, 0, i + 1) + "…";
      }
    }
    return s;
  }
}
