package io.jdocker.linux.mount;

import static io.jdocker.linux.mount.MountFlags.MNT_DETACH;
import static io.jdocker.linux.mount.MountFlags.MS_BIND;
import static io.jdocker.linux.mount.MountFlags.MS_RDONLY;
import static io.jdocker.linux.mount.MountFlags.MS_REC;
import static io.jdocker.linux.mount.MountFlags.MS_REMOUNT;

import io.jdocker.linux.errno.SyscallException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The mounts the daemon makes in its own namespace: overlay roots and bind mounts. */
public final class Mounts {
  private final MountSyscalls syscalls;

  public Mounts(MountSyscalls syscalls) {
    this.syscalls = syscalls;
  }

  /** Mounts an overlay of {@code lowers} (top layer first) with its upper and work dirs. */
  public void overlay(List<Path> lowers, Path upper, Path work, Path target)
      throws SyscallException {
    if (lowers.isEmpty()) {
      throw new IllegalArgumentException("overlay needs at least one lower dir");
    }
    syscalls.mount("overlay", target.toString(), "overlay", 0, overlayOptions(lowers, upper, work));
  }

  static String overlayOptions(List<Path> lowers, Path upper, Path work) {
    for (Path p : lowers) {
      requireOverlaySafe(p);
    }
    requireOverlaySafe(upper);
    requireOverlaySafe(work);
    String lowerdir = lowers.stream().map(Path::toString).collect(Collectors.joining(":"));
    return "lowerdir=" + lowerdir + ",upperdir=" + upper + ",workdir=" + work;
  }

  // Overlay splits its options on ',' and ':'; a path holding them would name other dirs.
  private static void requireOverlaySafe(Path path) {
    String s = path.toString();
    if (s.indexOf(',') >= 0 || s.indexOf(':') >= 0) {
      throw new IllegalArgumentException("overlay path must not contain ',' or ':': " + s);
    }
  }

  /** Bind-mounts {@code source} on {@code target} (recursively), read-only if asked. */
  public void bind(Path source, Path target, boolean readOnly) throws SyscallException {
    syscalls.mount(source.toString(), target.toString(), null, MS_BIND | MS_REC, null);
    if (readOnly) {
      syscalls.mount(null, target.toString(), null, MS_BIND | MS_REMOUNT | MS_RDONLY, null);
    }
  }

  public void unmount(Path target) throws SyscallException {
    syscalls.umount2(target.toString(), 0);
  }

  /** Lazy unmount: detaches now, frees when the last user goes. */
  public void detach(Path target) throws SyscallException {
    syscalls.umount2(target.toString(), MNT_DETACH);
  }
}
