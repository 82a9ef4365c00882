package io.jdocker.cli.tty;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * docker's detach key syntax ({@code term.ToBytes}): comma-separated keys, each a single
 * character or {@code ctrl-@}, {@code ctrl-a}…{@code ctrl-z}, {@code ctrl-[}, {@code ctrl-\},
 * {@code ctrl-]}, {@code ctrl-^}, {@code ctrl-_}.
 */
public final class DetachKeys {
  public static final String DEFAULT = "ctrl-p,ctrl-q";
  private static final String CTRL_KEYS = "@abcdefghijklmnopqrstuvwxyz[\\]^_";

  private DetachKeys() {}

  /** The bytes of {@code keys}; throws IllegalArgumentException with docker's message for a bad key. */
  public static byte[] parse(String keys) {
    ByteArrayOutputStream codes = new ByteArrayOutputStream();
    for (String key : keys.split(",", -1)) {
      if (key.length() == 1) {
        codes.write(key.charAt(0));
        continue;
      }
      String lower = key.toLowerCase(Locale.ROOT);
      int code = lower.length() == 6 && lower.startsWith("ctrl-") ? CTRL_KEYS.indexOf(lower.charAt(5)) : -1;
      if (code < 0) {
        throw new IllegalArgumentException("Unknown character: '" + key + "'");
      }
      codes.write(code);
    }
    return codes.toByteArray();
  }

  /**
   * The keys the client watches for: {@code custom} when it parses, else the default, as docker's
   * hijacked streamer does (the daemon rejects bad keys before this matters).
   */
  public static byte[] orDefault(String custom) {
    if (custom != null && !custom.isEmpty()) {
      try {
        return parse(custom);
      } catch (IllegalArgumentException e) {
        // docker logs a warning and falls back to the default keys
      }
    }
    return parse(DEFAULT);
  }
}
