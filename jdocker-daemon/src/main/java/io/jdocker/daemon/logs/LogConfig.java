package io.jdocker.daemon.logs;

import io.jdocker.errdefs.InvalidParameterException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The json-file driver's rotation options.
 *
 * @param maxSize rotate once the current file has reached this many bytes; -1 for never
 * @param maxFile how many files to keep, the current one included (at least 1)
 */
public record LogConfig(long maxSize, int maxFile) {
  /** No rotation: Docker's default for json-file. */
  public static final LogConfig UNLIMITED = new LogConfig(-1, 1);

  private static final Set<String> KNOWN_OPTIONS =
      Set.of("max-file", "max-size", "compress", "labels", "labels-regex", "env", "env-regex", "tag");
  // docker/go-units sizeRegex; FromHumanSize reads the prefixes as decimal (k = 1000).
  private static final Pattern SIZE = Pattern.compile("(?i)(\\d+(\\.\\d+)*) ?([kmgtp])?i?b?");

  public LogConfig {
    if (maxSize == 0 || maxSize < -1) {
      throw new InvalidParameterException("max-size must be a positive number");
    }
    if (maxFile < 1) {
      throw new InvalidParameterException("max-file cannot be less than 1");
    }
  }

  /**
   * Reads {@code HostConfig.LogConfig.Config} for the json-file driver, with Docker's errors.
   * Options Docker accepts but this driver ignores (labels, env, tag, compress) are allowed.
   */
  public static LogConfig fromOptions(Map<String, String> options) {
    for (String key : options.keySet()) {
      if (!KNOWN_OPTIONS.contains(key)) {
        throw new InvalidParameterException("unknown log opt '" + key + "' for json-file log driver");
      }
    }
    long maxSize = -1;
    String size = options.get("max-size");
    if (size != null) {
      maxSize = parseHumanSize(size);
      if (maxSize <= 0) {
        throw new InvalidParameterException("max-size must be a positive number");
      }
    }
    int maxFile = 1;
    String files = options.get("max-file");
    if (files != null) {
      try {
        maxFile = Integer.parseInt(files);
      } catch (NumberFormatException e) {
        throw new InvalidParameterException(
            "strconv.Atoi: parsing \"" + files + "\": invalid syntax");
      }
    }
    return new LogConfig(maxSize, maxFile);
  }

  /** docker/go-units {@code FromHumanSize}: {@code "10m"} = 10,000,000, {@code "1k"} = 1000. */
  public static long parseHumanSize(String text) {
    Matcher m = SIZE.matcher(text);
    if (!m.matches()) {
      throw new InvalidParameterException("invalid size: '" + text + "'");
    }
    double value;
    try {
      value = Double.parseDouble(m.group(1));
    } catch (NumberFormatException e) {
      throw new InvalidParameterException("invalid size: '" + text + "'");
    }
    String prefix = m.group(3) == null ? "" : m.group(3).toLowerCase(java.util.Locale.ROOT);
    double multiplier =
        switch (prefix) {
          case "k" -> 1e3;
          case "m" -> 1e6;
          case "g" -> 1e9;
          case "t" -> 1e12;
          case "p" -> 1e15;
          default -> 1;
        };
    return (long) (value * multiplier);
  }
}
