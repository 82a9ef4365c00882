package io.jdocker.linux.jnr;

import io.jdocker.linux.errno.SyscallException;
import io.jdocker.linux.mount.MountSyscalls;
import jnr.ffi.Runtime;

/** {@link MountSyscalls} through libc. */
public final class JnrMountSyscalls implements MountSyscalls {
  public static final JnrMountSyscalls INSTANCE = new JnrMountSyscalls();

  private final LibcMount libc = LibcMount.INSTANCE;

  private JnrMountSyscalls() {}

  @Override
  public void mount(String source, String target, String fstype, long flags, String data)
      throws SyscallException {
    if (libc.mount(source, target, fstype, flags, data) != 0) {
      throw new SyscallException("mount", target, errno());
    }
  }

  @Override
  public void umount2(String target, int flags) throws SyscallException {
    if (libc.umount2(target, flags) != 0) {
      throw new SyscallException("umount2", target, errno());
    }
  }

  private int errno() {
    return Runtime.getRuntime(libc).getLastError();
  }
}
