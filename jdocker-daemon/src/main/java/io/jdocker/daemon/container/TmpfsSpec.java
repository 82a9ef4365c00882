package io.jdocker.daemon.container;

import io.jdocker.errdefs.InvalidParameterException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code --tmpfs /path:opts} ({@code HostConfig.Tmpfs} entry). Options are Docker's defaults
 * {@code noexec,nosuid,nodev,rprivate} followed by the user's, merged as moby's
 * {@code MergeTmpfsOptions}: the last of two contradicting flags wins (exec beats the default
 * noexec), one value per data key (size=, mode=...).
 */
public record TmpfsSpec(String destination, List<String> options) {
  private static final List<String> DEFAULTS = List.of("noexec", "nosuid", "nodev", "rprivate");
  private static final Set<String> DATA_KEYS = Set.of("size", "mode", "uid", "gid", "nr_inodes", "nr_blocks", "mpol");
  /** flag → the mount flag it sets or clears; flags sharing a key collide. */
  private static final Map<String, String> FLAGS = Map.ofEntries(
      Map.entry("ro", "rdonly"), Map.entry("rw", "rdonly"),
      Map.entry("suid", "nosuid"), Map.entry("nosuid", "nosuid"),
      Map.entry("dev", "nodev"), Map.entry("nodev", "nodev"),
      Map.entry("exec", "noexec"), Map.entry("noexec", "noexec"),
      Map.entry("sync", "sync"), Map.entry("async", "sync"),
      Map.entry("dirsync", "dirsync"), Map.entry("mand", "mand"), Map.entry("nomand", "mand"),
      Map.entry("atime", "noatime"), Map.entry("noatime", "noatime"),
      Map.entry("diratime", "nodiratime"), Map.entry("nodiratime", "nodiratime"),
      Map.entry("relatime", "relatime"), Map.entry("norelatime", "relatime"),
      Map.entry("strictatime", "strictatime"), Map.entry("nostrictatime", "strictatime"),
      Map.entry("private", "propagation"), Map.entry("rprivate", "propagation"),
      Map.entry("shared", "propagation"), Map.entry("rshared", "propagation"),
      Map.entry("slave", "propagation"), Map.entry("rslave", "propagation"),
      Map.entry("unbindable", "propagation"), Map.entry("runbindable", "propagation"),
      Map.entry("tmpcopyup", "tmpcopyup"), Map.entry("notmpcopyup", "tmpcopyup"));

  public static TmpfsSpec parse(String destination, String userOptions) {
    validateDestination(destination);
    List<String> all = new ArrayList<>(DEFAULTS);
    if (userOptions != null && !userOptions.isEmpty()) {
      all.addAll(List.of(userOptions.split(",")));
    }
    return new TmpfsSpec(BindSpec.clean(destination), merge(all));
  }

  /** Every entry of {@code HostConfig.Tmpfs}. */
  public static List<TmpfsSpec> parseAll(Map<String, String> tmpfs) {
    return tmpfs.entrySet().stream().map(e -> parse(e.getKey(), e.getValue())).toList();
  }

  static void validateDestination(String destination) {
    if (destination == null || !destination.startsWith("/")) {
      throw new InvalidParameterException("invalid mount path: '" + destination + "' mount path must be absolute");
    }
    if (BindSpec.clean(destination).equals("/")) {
      throw new InvalidParameterException("invalid specification: destination can't be '/'");
    }
  }

  static List<String> merge(List<String> options) {
    Set<String> flagsSeen = new HashSet<>();
    Set<String> dataSeen = new HashSet<>();
    LinkedList<String> merged = new LinkedList<>();
    for (int i = options.size() - 1; i >= 0; i--) {
      String option = options.get(i);
      if (option.equals("defaults")) {
        continue;
      }
      String flagKey = FLAGS.get(option);
      if (flagKey != null) {
        if (flagsSeen.add(flagKey)) {
          merged.addFirst(option);
        }
        continue;
      }
      int eq = option.indexOf('=');
      if (eq < 0 || !DATA_KEYS.contains(option.substring(0, eq))) {
        throw new InvalidParameterException("invalid tmpfs option \"" + option + "\"");
      }
      if (dataSeen.add(option.substring(0, eq))) {
        merged.addFirst(option);
      }
    }
    return List.copyOf(merged);
  }

  public boolean readOnly() {
    return options.contains("ro");
  }
}
