package io.jdocker.cli.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;

/** Human-readable sizes and durations exactly as github.com/docker/go-units prints them. */
public final class Units {
  private static final String[] DECIMAL = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
  private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};

  private Units() {}

  /** go-units {@code HumanSize}: decimal units, 4 significant digits ("1.985MB"). */
  public static String humanSize(double size) {
    return humanSizeWithPrecision(size, 4);
  }

  /** go-units {@code HumanSizeWithPrecision}; Docker's image sizes use precision 3 ("1.99MB"). */
  public static String humanSizeWithPrecision(double size, int precision) {
    return customSize(size, 1000.0, DECIMAL, precision);
  }

  /** go-units {@code BytesSize}: binary units ("23.54GiB"). */
  public static String bytesSize(double size) {
    return customSize(size, 1024.0, BINARY, 4);
  }

  private static String customSize(double size, double base, String[] units, int precision) {
    int i = 0;
    while (size >= base && i < units.length - 1) {
      size /= base;
      i++;
    }
    return formatG(size, precision) + units[i];
  }

  /** Go's {@code %.Ng}: N significant digits, trailing zeros dropped, exponent form when large. */
  static String formatG(double value, int precision) {
    if (value == 0) {
      return "0";
    }
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(precision, RoundingMode.HALF_EVEN));
    int exponent = rounded.precision() - rounded.scale() - 1;
    if (exponent < -4 || exponent >= precision) {
      BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
      String exp = String.format("%02d", Math.abs(exponent));
      return mantissa.toPlainString() + "e" + (exponent < 0 ? "-" : "+") + exp;
    }
    String plain = rounded.toPlainString();
    if (plain.contains(".")) {
      plain = plain.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return plain;
  }

  /** go-units {@code HumanDuration} ("Less than a second", "About an hour", "2 days"). */
  public static String humanDuration(Duration d) {
    double secondsF = d.toNanos() / 1e9;
    long seconds = (long) secondsF;
    if (seconds < 1) {
      return "Less than a second";
    } else if (seconds == 1) {
      return "1 second";
    } else if (seconds < 60) {
      return seconds + " seconds";
    }
    long minutes = (long) (secondsF / 60);
    if (minutes == 1) {
      return "About a minute";
    } else if (minutes < 60) {
      return minutes + " minutes";
    }
    long hours = (long) (secondsF / 3600 + 0.5);
    if (hours == 1) {
      return "About an hour";
    } else if (hours < 48) {
      return hours + " hours";
    } else if (hours < 24 * 7 * 2) {
      return hours / 24 + " days";
    } else if (hours < 24 * 30 * 2) {
      return hours / 24 / 7 + " weeks";
    } else if (hours < 24 * 365 * 2) {
      return hours / 24 / 30 + " months";
    }
    return (long) (secondsF / 3600) / 24 / 365 + " years";
  }
}
