package io.jdocker.image.layer;

import io.jdocker.linux.FileSystemCalls;
import io.jdocker.linux.errno.Errno;
import io.jdocker.linux.errno.SyscallException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The extended attributes of a file as a tar should carry them: sorted by name, without
 * overlayfs' own attributes (they would steer the next overlay mount) and without SELinux labels
 * (they belong to the host's policy, as Docker's archiver decides too).
 */
public final class ArchiveXattrs {
  private static final String SELINUX_XATTR = "security.selinux";

  private ArchiveXattrs() {}

  /** Reads them without following a symlink; a filesystem without xattr support has none. */
  public static Map<String, byte[]> of(FileSystemCalls fs, Path path) throws IOException {
    List<String> names;
    try {
      names = new ArrayList<>(fs.llistxattr(path));
    } catch (SyscallException e) {
      if (e.errno() != Errno.EOPNOTSUPP) {
        throw e;
      }
      return Map.of();
    }
    names.removeIf(n -> n.startsWith(Whiteouts.OVERLAY_XATTR_PREFIX) || n.equals(SELINUX_XATTR));
    if (names.isEmpty()) {
      return Map.of();
    }
    names.sort(null);
    Map<String, byte[]> values = new LinkedHashMap<>();
    for (String n : names) {
      byte[] value = fs.lgetxattr(path, n);
      if (value != null) {
        values.put(n, value);
      }
    }
    return values;
  }
}
