package io.jdocker.cli.format;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A progress detail ({@code {"current":…,"total":…}}) as docker's {@code JSONProgress.String()}
 * renders it on a terminal: a bar when the window is wider than 110 columns, the sizes, and the
 * time left when the daemon sent a start time and the window is wider than 50.
 */
public final class ProgressText {
  private ProgressText() {}

  /** Whether there is nothing to show (neither current nor total); such updates are printed even without a terminal. */
  public static boolean isEmpty(Map<String, Object> detail) {
    return number(detail, "current") <= 0 && number(detail, "total") <= 0;
  }

  public static String render(Map<String, Object> detail, int width, Instant now) {
    long current = number(detail, "current");
    long total = number(detail, "total");
    String units = detail.get("units") instanceof String s ? s : "";
    if (current <= 0 && total <= 0) {
      return "";
    }
    if (total <= 0) {
      return units.isEmpty() ? String.format("%8s", Units.humanSize(current)) : current + " " + units;
    }
    int percentage = Math.max(0, Math.min(50, (int) ((double) current / (double) total * 100) / 2));
    String bar = width > 110 ? "[" + "=".repeat(percentage) + ">" + " ".repeat(50 - percentage) + "] " : "";
    String numbers;
    if (Boolean.TRUE.equals(detail.get("hidecounts"))) {
      numbers = "";
    } else if (units.isEmpty()) {
      String cur = Units.humanSize(current);
      numbers = current > total ? String.format("%8s", cur) : String.format("%8s/%s", cur, Units.humanSize(total));
    } else {
      numbers = current > total ? current + " " + units : current + "/" + total + " " + units;
    }
    long start = number(detail, "start");
    String timeLeft = "";
    if (current > 0 && start > 0 && percentage < 50 && width > 50) {
      long fromStart = Duration.between(Instant.ofEpochSecond(start), now).toNanos();
      long perEntry = fromStart / current;
      long left = (total - current) * perEntry / 1_000_000_000L;
      timeLeft = " " + goDuration(left);
    }
    return bar + numbers + timeLeft;
  }

  /** Go's {@code Duration.String()} for whole seconds: {@code 1h2m3s}, {@code 4m0s}, {@code 5s}. */
  static String goDuration(long seconds) {
    String sign = seconds < 0 ? "-" : "";
    long s = Math.abs(seconds);
    long h = s / 3600;
    long m = s / 60 % 60;
    s %= 60;
    if (h > 0) {
      return sign + h + "h" + m + "m" + s + "s";
    }
    return sign + (m > 0 ? m + "m" : "") + s + "s";
  }

  private static long number(Map<String, Object> detail, String key) {
    return detail.get(key) instanceof Number n ? n.longValue() : 0;
  }
}
