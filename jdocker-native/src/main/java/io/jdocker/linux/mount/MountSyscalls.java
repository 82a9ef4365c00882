package io.jdocker.linux.mount;

import io.jdocker.linux.errno.SyscallException;

/** The mount system calls; {@code io.jdocker.linux.jnr.JnrMountSyscalls} is the real one. */
public interface MountSyscalls {
  void mount(String source, String target, String fstype, long flags, String data)
      throws SyscallException;

  void umount2(String target, int flags) throws SyscallException;
}
