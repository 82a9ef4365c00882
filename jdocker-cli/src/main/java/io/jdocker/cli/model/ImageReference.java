package io.jdocker.cli.model;

/**
 * A Docker image reference split the way distribution/reference does, with docker.io names
 * shown in their familiar form ({@code docker.io/library/busybox} is {@code busybox}). Checked
 * by hand rather than with regular expressions, which cost start-up time.
 */
public record ImageReference(String name, String tag, String digest) {

  /** Parses {@code name[:tag][@digest]}; throws {@link IllegalArgumentException} with docker's text. */
  public static ImageReference parse(String ref) {
    String rest = ref;
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
      if (!validDigest(digest)) {
        throw invalid();
      }
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
      if (!validTag(tag)) {
        throw invalid();
      }
    }
    if (rest.isEmpty()) {
      throw invalid();
    }
    String[] parts = rest.split("/", -1);
    boolean hasDomain = parts.length > 1 && (parts[0].contains(".") || parts[0].contains(":")
        || parts[0].equals("localhost") || !parts[0].equals(parts[0].toLowerCase(java.util.Locale.ROOT)));
    for (int i = hasDomain ? 1 : 0; i < parts.length; i++) {
      if (!validComponent(parts[i])) {
        String lower = parts[i].toLowerCase(java.util.Locale.ROOT);
        if (!lower.equals(parts[i]) && validComponent(lower)) {
          throw new IllegalArgumentException(
              "invalid reference format: repository name (" + (rest.contains("/") ? rest : "library/" + rest) + ") must be lowercase");
        }
        throw invalid();
      }
    }
    return new ImageReference(familiar(rest), tag, digest);
  }

  /** The tag, or {@code latest} when the reference names neither tag nor digest. */
  public String tagOrLatest() {
    return tag != null ? tag : "latest";
  }

  /** The fully qualified repository ({@code docker.io/library/busybox}), as the pull API wants it. */
  public String fullName() {
    int slash = name.indexOf('/');
    String first = slash < 0 ? "" : name.substring(0, slash);
    if (slash >= 0 && (first.contains(".") || first.contains(":") || first.equals("localhost"))) {
      return name;
    }
    return "docker.io/" + (slash < 0 ? "library/" + name : name);
  }

  /** The registry host: {@code docker.io} for Docker Hub's names. */
  public String domain() {
    String full = fullName();
    return full.substring(0, full.indexOf('/'));
  }

  /** Neither tag nor digest given. */
  public boolean nameOnly() {
    return tag == null && digest == null;
  }

  /** {@code latest} added when neither tag nor digest was given (distribution's TagNameOnly). */
  public ImageReference withDefaultTag() {
    return nameOnly() ? new ImageReference(name, "latest", null) : this;
  }

  /** The fully qualified form docker prints after a pull ({@code docker.io/library/busybox:latest}). */
  public String normalizedString() {
    return fullName() + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
  }

  /** {@code familiar:tag} (or {@code @digest}), the form docker prints in "Unable to find image". */
  public String familiarString() {
    return digest != null ? name + (tag != null ? ":" + tag : "") + "@" + digest : name + ":" + tagOrLatest();
  }

  /** {@code [a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*}. */
  static boolean validComponent(String s) {
    if (s.isEmpty() || !alnumLower(s.charAt(0)) || !alnumLower(s.charAt(s.length() - 1))) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (alnumLower(c) || c == '-') {
        continue;
      }
      if (c == '.' && alnumLower(s.charAt(i + 1))) {
        continue;
      }
      if (c == '_' && (alnumLower(s.charAt(i + 1)) || (s.charAt(i + 1) == '_' && alnumLower(s.charAt(i + 2))))) {
        if (s.charAt(i + 1) == '_') {
          i++;
        }
        continue;
      }
      return false;
    }
    return true;
  }

  /** {@code [\w][\w.-]{0,127}}. */
  static boolean validTag(String s) {
    if (s.isEmpty() || s.length() > 128 || !word(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!word(c) && c != '.' && c != '-') {
        return false;
      }
    }
    return true;
  }

  /** {@code algorithm:hex} with at least 32 hex digits. */
  static boolean validDigest(String s) {
    int colon = s.indexOf(':');
    if (colon < 1 || s.length() - colon - 1 < 32) {
      return false;
    }
    for (int i = colon + 1; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return Character.isLetter(s.charAt(0));
  }

  private static boolean alnumLower(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  private static boolean word(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  private static String familiar(String name) {
    if (name.startsWith("index.docker.io/")) {
      name = "docker.io/" + name.substring("index.docker.io/".length());
    }
    if (name.startsWith("docker.io/library/") && name.indexOf('/', "docker.io/library/".length()) < 0) {
      return name.substring("docker.io/library/".length());
    }
    if (name.startsWith("docker.io/")) {
      return name.substring("docker.io/".length());
    }
    return name;
  }

  private static IllegalArgumentException invalid() {
    return new IllegalArgumentException("invalid reference format");
  }
}
