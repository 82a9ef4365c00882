package io.jdocker.daemon.container;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.jdocker.errdefs.InvalidParameterException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A container ID: 64 lowercase hex digits; the short form is the first 12. */
public record ContainerId(String value) {
  private static final Pattern FULL = Pattern.compile("[0-9a-f]{64}");
  private static final SecureRandom RANDOM = new SecureRandom();
  public static final int SHORT_LENGTH = 12;

  public ContainerId {
    if (value == null || !FULL.matcher(value).matches()) {
      throw new InvalidParameterException("invalid container ID: " + value);
    }
  }

  @JsonCreator
  public static ContainerId of(String value) {
    return new ContainerId(value);
  }

  /**
   * A fresh random ID. Like Docker, one that is all digits in its short form is rejected: such a
   * short ID would read as a number and could clash with PIDs in scripts.
   */
  public static ContainerId random() {
    byte[] bytes = new byte[32];
    while (true) {
      RANDOM.nextBytes(bytes);
      String hex = HexFormat.of().formatHex(bytes);
      if (!hex.substring(0, SHORT_LENGTH).chars().allMatch(Character::isDigit)) {
        return new ContainerId(hex);
      }
    }
  }

  public static boolean isFull(String text) {
    return text != null && FULL.matcher(text).matches();
  }

  public String shortId() {
    return value.substring(0, SHORT_LENGTH);
  }

  @JsonValue
  @Override
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
