package io.jdocker.daemon.runtime;

import io.jdocker.daemon.container.TmpfsSpec;
import io.jdocker.linux.mount.MountFlags;
import java.util.ArrayList;
import java.util.List;

/**
 * mount(2) flags and data for a {@link TmpfsSpec} whose options were already merged and checked
 * at create ({@code noexec,nosuid,nodev,rprivate} plus the user's). Propagation and copy-up
 * options do not change the tmpfs mount itself.
 */
record TmpfsMountOptions(long flags, String data, boolean readOnly) {

  static TmpfsMountOptions of(TmpfsSpec spec) {
    long flags = 0;
    boolean readOnly = false;
    List<String> data = new ArrayList<>();
    for (String option : spec.options()) {
      switch (option) {
        case "ro" -> readOnly = true;
        case "noexec" -> flags |= MountFlags.MS_NOEXEC;
        case "nosuid" -> flags |= MountFlags.MS_NOSUID;
        case "nodev" -> flags |= MountFlags.MS_NODEV;
        default -> {
          if (option.contains("=")) {
            data.add(option);
          }
        }
      }
    }
    return new TmpfsMountOptions(flags, String.join(",", data), readOnly);
  }
}
