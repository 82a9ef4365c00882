package io.jdocker.daemon.runtime;

import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.linux.mount.MountFlags;
import java.util.ArrayList;
import java.util.List;

/**
 * A tmpfs at {@code destination} (--tmpfs /run:size=64m or HostConfig.Tmpfs {"/run": "size=64m"}).
 * Docker starts from noexec,nosuid,nodev; the options may override those and add tmpfs data.
 */
public record TmpfsSpec(String destination, String options) {

  public TmpfsSpec {
    if (destination == null || !destination.startsWith("/")) {
      throw new InvalidParameterException("invalid mount config for type \"tmpfs\": mount path must be absolute: "
          + destination);
    }
    options = options == null ? "" : options;
    parseOptions(options);
  }

  /** Parses the CLI form "/path[:options]". */
  public static TmpfsSpec parse(String flag) {
    int colon = flag.indexOf(':');
    return colon < 0 ? new TmpfsSpec(flag, "") : new TmpfsSpec(flag.substring(0, colon), flag.substring(colon + 1));
  }

  /** mount(2) flags and data for these options. */
  public record MountOptions(long flags, String data, boolean readOnly) {}

  public MountOptions mountOptions() {
    return parseOptions(options);
  }

  private static MountOptions parseOptions(String options) {
    long flags = MountFlags.MS_NOEXEC | MountFlags.MS_NOSUID | MountFlags.MS_NODEV;
    boolean readOnly = false;
    List<String> data = new ArrayList<>();
    for (String option : options.split(",")) {
      switch (option.trim()) {
        case "" , "rw" -> { }
        case "ro" -> readOnly = true;
        case "exec" -> flags &= ~MountFlags.MS_NOEXEC;
        case "noexec" -> flags |= MountFlags.MS_NOEXEC;
        case "suid" -> flags &= ~MountFlags.MS_NOSUID;
        case "nosuid" -> flags |= MountFlags.MS_NOSUID;
        case "dev" -> flags &= ~MountFlags.MS_NODEV;
        case "nodev" -> flags |= MountFlags.MS_NODEV;
        default -> {
          String o = option.trim();
          String key = o.contains("=") ? o.substring(0, o.indexOf('=')) : o;
          if (!List.of("size", "mode", "uid", "gid", "nr_inodes", "nr_blocks", "mpol", "huge").contains(key)) {
            throw new InvalidParameterException("invalid tmpfs option [\"" + o + "\"]");
          }
          data.add(o);
        }
      }
    }
    return new MountOptions(flags, String.join(",", data), readOnly);
  }
}
