package io.jdocker.image.ref;

import io.jdocker.errdefs.InvalidParameterException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A normalised image reference ({@code docker.io/library/busybox:latest}), parsed with the grammar
 * and error texts of distribution/reference's {@code ParseNormalizedNamed}. Tag and digest may each
 * be absent.
 */
public record ImageReference(String domain, String path, String tag, Digest digest) {
  public static final String DEFAULT_DOMAIN = "docker.io";
  public static final String DEFAULT_TAG = "latest";
  private static final String LEGACY_DEFAULT_DOMAIN = "index.docker.io";
  private static final String OFFICIAL_PREFIX = "library/";
  private static final int NAME_TOTAL_LENGTH_MAX = 255;

  private static final String ALPHANUMERIC = "[a-z0-9]+";
  private static final String SEPARATOR = "(?:[._]|__|[-]+)";
  private static final String PATH_COMPONENT = ALPHANUMERIC + "(?:" + SEPARATOR + ALPHANUMERIC + ")*";
  private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String DOMAIN_NAME = DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*";
  private static final String IPV6 = "\\[(?:[a-fA-F0-9:]+)\\]";
  private static final String DOMAIN = "(?:" + DOMAIN_NAME + "|" + IPV6 + ")(?::[0-9]+)?";
  private static final String TAG = "[\\w][\\w.-]{0,127}";
  private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
  private static final String NAME =
      "(?:(" + DOMAIN + ")/)?(" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*)";
  private static final Pattern REFERENCE =
      Pattern.compile("^" + NAME + "(?::(" + TAG + "))?(?:@(" + DIGEST + "))?$");
  private static final Pattern TAG_ONLY = Pattern.compile("^" + TAG + "$");
  private static final Pattern HEX64 = Pattern.compile("^[a-f0-9]{64}$");

  public ImageReference {
    if (domain == null || domain.isEmpty() || path == null || path.isEmpty()) {
      throw new IllegalArgumentException("reference needs a domain and a path");
    }
  }

  /** Parses a name as the docker CLI and daemon do: {@code busybox} → docker.io/library/busybox. */
  public static ImageReference parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new InvalidParameterException("invalid reference format: repository name must have at least one component");
    }
    if (HEX64.matcher(text).matches()) {
      throw new InvalidParameterException(
          "invalid repository name (" + text + "), cannot specify 64-byte hexadecimal strings");
    }
    String[] split = splitDockerDomain(text);
    String remainder = split[1];
    int tagSep = remainder.indexOf(':');
    String remoteName = tagSep > -1 ? remainder.substring(0, tagSep) : remainder;
    if (!remoteName.toLowerCase(Locale.ROOT).equals(remoteName)) {
      throw new InvalidParameterException(
          "invalid reference format: repository name (" + remoteName + ") must be lowercase");
    }
    return parseCanonical(split[0] + "/" + remainder);
  }

  /** Parses a fully qualified reference (domain present), e.g. from a repositories index. */
  public static ImageReference parseCanonical(String text) {
    Matcher m = REFERENCE.matcher(text);
    if (!m.matches()) {
      if (REFERENCE.matcher(text.toLowerCase(Locale.ROOT)).matches()) {
        throw new InvalidParameterException("invalid reference format: repository name must be lowercase");
      }
      throw new InvalidParameterException("invalid reference format");
    }
    String domain = m.group(1);
    String path = m.group(2);
    int nameLength = (domain == null ? 0 : domain.length() + 1) + path.length();
    if (nameLength > NAME_TOTAL_LENGTH_MAX) {
      throw new InvalidParameterException(
          "invalid reference format: repository name must not be more than 255 characters");
    }
    if (domain == null) {
      throw new InvalidParameterException("invalid reference format");
    }
    Digest digest = m.group(4) == null ? null : Digest.parse(m.group(4));
    return new ImageReference(domain, path, m.group(3), digest);
  }

  /** Validates a tag given on its own ({@code POST /images/x/tag?tag=}). */
  public static String validateTag(String tag) {
    if (!TAG_ONLY.matcher(tag).matches()) {
      throw new InvalidParameterException("invalid tag format");
    }
    return tag;
  }

  private static String[] splitDockerDomain(String name) {
    int i = name.indexOf('/');
    String domain;
    String remainder;
    if (i == -1
        || (!containsAny(name.substring(0, i), ".:")
            && !name.substring(0, i).equals("localhost")
            && name.substring(0, i).toLowerCase(Locale.ROOT).equals(name.substring(0, i)))) {
      domain = DEFAULT_DOMAIN;
      remainder = name;
    } else {
      domain = name.substring(0, i);
      remainder = name.substring(i + 1);
    }
    if (domain.equals(LEGACY_DEFAULT_DOMAIN)) {
      domain = DEFAULT_DOMAIN;
    }
    if (domain.equals(DEFAULT_DOMAIN) && remainder.indexOf('/') < 0) {
      remainder = OFFICIAL_PREFIX + remainder;
    }
    return new String[] {domain, remainder};
  }

  private static boolean containsAny(String s, String chars) {
    for (char c : chars.toCharArray()) {
      if (s.indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }

  public Optional<String> tagOptional() {
    return Optional.ofNullable(tag);
  }

  public Optional<Digest> digestOptional() {
    return Optional.ofNullable(digest);
  }

  /** The repository: {@code docker.io/library/busybox}. */
  public String name() {
    return domain + "/" + path;
  }

  /** The repository as users write it: {@code busybox}, {@code 127.0.0.1:5000/x}. */
  public String familiarName() {
    if (domain.equals(DEFAULT_DOMAIN)) {
      if (path.startsWith(OFFICIAL_PREFIX) && path.indexOf('/', OFFICIAL_PREFIX.length()) < 0) {
        return path.substring(OFFICIAL_PREFIX.length());
      }
      return path;
    }
    return name();
  }

  /** {@code busybox:latest}, {@code busybox@sha256:...}. */
  public String familiarString() {
    return familiarName() + suffix();
  }

  private String suffix() {
    return (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
  }

  /** Docker's TagNameOnly: a bare name gets {@code :latest}. */
  public ImageReference withDefaultTag() {
    return tag == null && digest == null ? withTag(DEFAULT_TAG) : this;
  }

  public ImageReference withTag(String newTag) {
    return new ImageReference(domain, path, validateTag(newTag), null);
  }

  public ImageReference withDigest(Digest newDigest) {
    return new ImageReference(domain, path, null, newDigest);
  }

  public ImageReference repository() {
    return new ImageReference(domain, path, null, null);
  }

  public boolean isDigested() {
    return digest != null;
  }

  @Override
  public String toString() {
    return name() + suffix();
  }
}
