package io.jdocker.daemon.container;

import io.jdocker.errdefs.InvalidParameterException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One {@code -v} / {@code HostConfig.Binds} entry, {@code source:destination[:mode]}, parsed as
 * dockerd's Linux mount parser does. A source that is not an absolute path names a volume.
 * {@code mode} keeps the user's text (inspect shows it); {@code propagation} defaults to rprivate.
 */
public record BindSpec(String source, String destination, boolean readOnly, String mode, String propagation,
    boolean volume) {

  private static final Set<String> PROPAGATION = Set.of("private", "rprivate", "shared", "rshared", "slave", "rslave");
  private static final Set<String> CONSISTENCY = Set.of("consistent", "cached", "delegated");
  private static final java.util.regex.Pattern VOLUME_NAME = java.util.regex.Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");

  public static BindSpec parse(String raw) {
    String[] parts = raw.split(":", -1);
    if (parts[0].isEmpty()) {
      throw invalidSpec(raw);
    }
    String source;
    String destination;
    String mode = "";
    switch (parts.length) {
      case 2 -> {
        if (isValidMode(parts[1])) {
          throw invalidSpec(raw); // "/foo:ro": a destination with a mode but no source
        }
        source = parts[0];
        destination = parts[1];
      }
      case 3 -> {
        source = parts[0];
        destination = parts[1];
        mode = parts[2];
        if (!isValidMode(mode)) {
          throw new InvalidParameterException("invalid mode: " + mode);
        }
      }
      default -> throw invalidSpec(raw);
    }
    if (destination.isEmpty()) {
      throw invalidSpec(raw);
    }
    boolean volume = !source.startsWith("/");
    String type = volume ? "volume" : "bind";
    if (!destination.startsWith("/")) {
      throw new InvalidParameterException("invalid mount config for type \"" + type + "\": invalid mount path: '"
          + destination + "' mount path must be absolute");
    }
    if (clean(destination).equals("/")) {
      throw new InvalidParameterException("invalid specification: destination can't be '/'");
    }
    if (volume && !VOLUME_NAME.matcher(source).matches()) {
      throw new InvalidParameterException("create " + source + ": \"" + source + "\" includes invalid characters for a "
          + "local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host "
          + "directory, use absolute path");
    }
    boolean readOnly = false;
    String propagation = volume ? "" : "rprivate";
    for (String option : mode.isEmpty() ? List.<String>of() : List.of(mode.split(","))) {
      if (option.equals("ro")) {
        readOnly = true;
      } else if (PROPAGATION.contains(option)) {
        propagation = option;
      }
    }
    return new BindSpec(volume ? source : clean(source), clean(destination), readOnly, mode, propagation, volume);
  }

  /** Parses every bind and rejects two mounts on one destination ("Duplicate mount point: /x"). */
  public static List<BindSpec> parseAll(List<String> binds) {
    Set<String> seen = new HashSet<>();
    List<BindSpec> out = binds.stream().map(BindSpec::parse).toList();
    for (BindSpec b : out) {
      if (!seen.add(b.destination())) {
        throw new InvalidParameterException("Duplicate mount point: " + b.destination());
      }
    }
    return out;
  }

  /** A mode is a comma list with at most one of each kind: ro/rw, z/Z, propagation, nocopy, consistency. */
  static boolean isValidMode(String mode) {
    if (mode.isEmpty()) {
      return false;
    }
    int rw = 0;
    int label = 0;
    int propagation = 0;
    int copy = 0;
    int consistency = 0;
    for (String option : mode.split(",", -1)) {
      if (option.equals("rw") || option.equals("ro")) {
        rw++;
      } else if (option.equals("z") || option.equals("Z")) {
        label++;
      } else if (PROPAGATION.contains(option)) {
        propagation++;
      } else if (option.equals("nocopy")) {
        copy++;
      } else if (CONSISTENCY.contains(option)) {
        consistency++;
      } else {
        return false;
      }
    }
    return rw <= 1 && label <= 1 && propagation <= 1 && copy <= 1 && consistency <= 1;
  }

  /** Go's filepath.Clean for absolute paths: no "//", ".", "..", or trailing "/". */
  static String clean(String path) {
    return java.nio.file.Path.of(path).normalize().toString();
  }

  private static InvalidParameterException invalidSpec(String raw) {
    return new InvalidParameterException("invalid volume specification: '" + raw + "'");
  }
}
