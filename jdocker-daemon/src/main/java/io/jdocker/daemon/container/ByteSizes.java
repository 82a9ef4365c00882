package io.jdocker.daemon.container;

import io.jdocker.errdefs.InvalidParameterException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** go-units' {@code RAMInBytes} (binary units: "64m" = 64 MiB), as {@code -m}, {@code --memory-swap}, {@code --shm-size} take them. */
public final class ByteSizes {
  private static final Pattern SIZE = Pattern.compile("^(\\d+(\\.\\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$");

  private ByteSizes() {}

  public static long parseRam(String text) {
    Matcher m = SIZE.matcher(text == null ? "" : text);
    if (!m.matches() || m.group(1).chars().filter(c -> c == '.').count() > 1) {
      throw new InvalidParameterException("invalid size: '" + text + "'");
    }
    BigDecimal value = new BigDecimal(m.group(1));
    String unit = m.group(3) == null ? "" : m.group(3).toLowerCase(Locale.ROOT);
    int shift = switch (unit) {
      case "k" -> 10;
      case "m" -> 20;
      case "g" -> 30;
      case "t" -> 40;
      case "p" -> 50;
      default -> 0;
    };
    return value.multiply(BigDecimal.valueOf(1L << shift)).longValue();
  }
}
