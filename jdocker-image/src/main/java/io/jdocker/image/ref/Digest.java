package io.jdocker.image.ref;

import io.jdocker.errdefs.InvalidParameterException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A sha256 content digest, {@code sha256:} followed by 64 lowercase hex digits; valid by construction. */
public record Digest(String hex) implements Comparable<Digest> {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
  public static final String PREFIX = "sha256:";

  public Digest {
    if (hex == null || !HEX64.matcher(hex).matches()) {
      throw new InvalidParameterException("invalid digest: " + hex);
    }
  }

  /** Parses {@code sha256:<64 hex>}. */
  public static Digest parse(String text) {
    if (text == null || !text.startsWith(PREFIX)) {
      throw new InvalidParameterException("invalid checksum digest format: " + text);
    }
    String hex = text.substring(PREFIX.length());
    if (hex.length() != 64) {
      throw new InvalidParameterException("invalid checksum digest length: " + text);
    }
    if (!HEX64.matcher(hex).matches()) {
      throw new InvalidParameterException("invalid checksum digest format: " + text);
    }
    return new Digest(hex);
  }

  public static boolean isDigest(String text) {
    return text != null
        && text.startsWith(PREFIX)
        && HEX64.matcher(text.substring(PREFIX.length())).matches();
  }

  public static boolean isHex64(String text) {
    return text != null && HEX64.matcher(text).matches();
  }

  public static Digest of(byte[] content) {
    return new Digest(HexFormat.of().formatHex(sha256().digest(content)));
  }

  public static Digest ofRawDigest(byte[] sha256) {
    return new Digest(HexFormat.of().formatHex(sha256));
  }

  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The 12-character short form Docker prints. */
  public String shortId() {
    return hex.substring(0, 12);
  }

  @Override
  public int compareTo(Digest o) {
    return hex.compareTo(o.hex);
  }

  @Override
  public String toString() {
    return PREFIX + hex;
  }
}
