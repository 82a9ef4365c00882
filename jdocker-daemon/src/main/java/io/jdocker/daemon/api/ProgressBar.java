package io.jdocker.daemon.api;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The {@code "progress"} text of a progress message, as dockerd renders docker's
 * {@code JSONProgress.String()}: dockerd has no terminal, so the width is 200 (bar shown) and no
 * start time is set (no time left): {@code [=====>      ]  3.678kB/300.4kB}.
 */
public final class ProgressBar {
  private static final int WIDTH = 50;
  private static final String[] DECIMAL_UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
  private static final MathContext FOUR_DIGITS = new MathContext(4, RoundingMode.HALF_EVEN);

  private ProgressBar() {}

  /** The text for {@code current} of {@code total} bytes; total ≤ 0 is unknown; "" when neither is known. */
  public static String render(long current, long total) {
    if (current <= 0 && total <= 0) {
      return "";
    }
    if (total <= 0) {
      return pad8(humanSize(current));
    }
    int percentage = Math.max(0, Math.min(WIDTH, (int) ((double) current / (double) total * 100) / 2));
    String bar = "[" + "=".repeat(percentage) + ">" + " ".repeat(WIDTH - percentage) + "] ";
    // docker drops the total when the count overshoots it
    String numbers = current > total ? pad8(humanSize(current)) : pad8(humanSize(current)) + "/" + humanSize(total);
    return bar + numbers;
  }

  /**
   * go-units' {@code HumanSize}: decimal units and Go's {@code %.4g} (four significant digits,
   * the exact binary value rounded half-to-even, no trailing zeros): 3678 → {@code 3.678kB}.
   */
  public static String humanSize(double size) {
    double value = size;
    int unit = 0;
    while (value >= 1000.0 && unit < DECIMAL_UNITS.length - 1) {
      value /= 1000.0;
      unit++;
    }
    BigDecimal rounded = new BigDecimal(value).round(FOUR_DIGITS).stripTrailingZeros();
    return rounded.toPlainString() + DECIMAL_UNITS[unit];
  }

  /** Go's {@code %8v} of a string: right-aligned in eight columns. */
  private static String pad8(String s) {
    return s.length() >= 8 ? s : " ".repeat(8 - s.length()) + s;
  }
}
