package io.jdocker.linux.process;

import io.jdocker.errdefs.InvalidParameterException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Linux capabilities (linux/capability.h numbering), named as Docker's --cap-add takes them. */
public enum Capability {
  CHOWN, DAC_OVERRIDE, DAC_READ_SEARCH, FOWNER, FSETID, KILL, SETGID, SETUID, SETPCAP,
  LINUX_IMMUTABLE, NET_BIND_SERVICE, NET_BROADCAST, NET_ADMIN, NET_RAW, IPC_LOCK, IPC_OWNER,
  SYS_MODULE, SYS_RAWIO, SYS_CHROOT, SYS_PTRACE, SYS_PACCT, SYS_ADMIN, SYS_BOOT, SYS_NICE,
  SYS_RESOURCE, SYS_TIME, SYS_TTY_CONFIG, MKNOD, LEASE, AUDIT_WRITE, AUDIT_CONTROL, SETFCAP,
  MAC_OVERRIDE, MAC_ADMIN, SYSLOG, WAKE_ALARM, BLOCK_SUSPEND, AUDIT_READ, PERFMON, BPF,
  CHECKPOINT_RESTORE;

  /** The kernel's number: the declaration order above. */
  public int number() {
    return ordinal();
  }

  /** Docker's default set for a non-privileged container. */
  public static Set<Capability> dockerDefaults() {
    return EnumSet.of(CHOWN, DAC_OVERRIDE, FSETID, FOWNER, MKNOD, NET_RAW, SETGID, SETUID, SETFCAP,
        SETPCAP, NET_BIND_SERVICE, SYS_CHROOT, KILL, AUDIT_WRITE);
  }

  /** Parses "NET_ADMIN", "CAP_NET_ADMIN" or "net_admin". */
  public static Capability parse(String name) {
    String s = name.trim().toUpperCase(Locale.ROOT);
    try {
      return valueOf(s.startsWith("CAP_") ? s.substring(4) : s);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("unknown capability: \"" + name + "\"");
    }
  }
}
