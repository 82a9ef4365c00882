package io.jdocker.cli.container;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Flag values docker parses on the client: go-units {@code RAMInBytes} and {@code --cpus}. */
public final class Sizes {
  private Sizes() {}

  /** go-units {@code RAMInBytes}: binary multipliers, "64m", "1.5g", "512", "1 GiB". */
  public static long ramInBytes(String text) {
    int sep = -1;
    for (int i = text.length() - 1; i >= 0; i--) {
      if ("01234567890. ".indexOf(text.charAt(i)) >= 0) {
        sep = i;
        break;
      }
    }
    if (sep < 0) {
      throw new IllegalArgumentException("invalid size: '" + text + "'");
    }
    String number = text.charAt(sep) == ' ' ? text.substring(0, sep) : text.substring(0, sep + 1);
    String suffix = text.substring(sep + 1);
    double size;
    try {
      size = Double.parseDouble(number);
      if (number.isEmpty() || number.endsWith(" ") || number.contains("e") || number.contains("E")) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("strconv.ParseFloat: parsing \"" + number + "\": invalid syntax");
    }
    if (size < 0) {
      throw new IllegalArgumentException("invalid size: '" + text + "'");
    }
    if (suffix.isEmpty()) {
      return (long) size;
    }
    if (suffix.length() > 3) {
      throw badSuffix(suffix);
    }
    String lower = suffix.toLowerCase(java.util.Locale.ROOT);
    if (lower.charAt(0) == 'b') {
      if (lower.length() > 1) {
        throw badSuffix(lower);
      }
      return (long) size;
    }
    int power = "kmgtp".indexOf(lower.charAt(0));
    if (power < 0 || (lower.length() == 2 && lower.charAt(1) != 'b') || (lower.length() == 3 && !lower.endsWith("ib"))) {
      throw badSuffix(lower);
    }
    return (long) (size * Math.pow(1024, power + 1));
  }

  private static IllegalArgumentException badSuffix(String suffix) {
    return new IllegalArgumentException("invalid suffix: '" + suffix + "'");
  }

  /** {@code --memory-swap}: "-1" means unlimited, anything else is a RAM size. */
  public static long memorySwap(String text) {
    return text.equals("-1") ? -1 : ramInBytes(text);
  }

  /** {@code --cpus 1.5} as NanoCpus (1500000000), refusing values finer than a nano-CPU like docker. */
  public static long nanoCpus(String text) {
    BigDecimal value;
    try {
      value = rational(text);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("failed to parse " + text + " as a rational number");
    }
    BigDecimal nanos = value.multiply(BigDecimal.valueOf(1_000_000_000L));
    if (nanos.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException("value is too precise");
    }
    return nanos.longValueExact();
  }

  /** Go's big.Rat SetString: a decimal or a fraction "a/b". */
  private static BigDecimal rational(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return new BigDecimal(text);
    }
    BigInteger numerator = new BigInteger(text.substring(0, slash));
    BigInteger denominator = new BigInteger(text.substring(slash + 1));
    return new BigDecimal(numerator).divide(new BigDecimal(denominator), 12, java.math.RoundingMode.UNNECESSARY);
  }
}
