package io.jdocker.linux.jnr;

import io.jdocker.linux.errno.SyscallException;
import io.jdocker.linux.ns.NamespaceSyscalls;
import io.jdocker.linux.signal.Signaller;
import jnr.ffi.Runtime;

/** Signals and namespace calls through libc. */
public final class JnrProcessSyscalls implements Signaller, NamespaceSyscalls {
  public static final JnrProcessSyscalls INSTANCE = new JnrProcessSyscalls();

  private static final int O_RDONLY = 0;
  private static final int O_CLOEXEC = 0x80000;

  private final LibcProcess libc = LibcProcess.INSTANCE;

  private JnrProcessSyscalls() {}

  @Override
  public void kill(int pid, int signal) throws SyscallException {
    if (libc.kill(pid, signal) != 0) {
      throw new SyscallException("kill", Integer.toString(pid), errno());
    }
  }

  @Override
  public int open(String path) throws SyscallException {
    int fd = libc.open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      throw new SyscallException("open", path, errno());
    }
    return fd;
  }

  @Override
  public void close(int fd) {
    libc.close(fd);
  }

  @Override
  public void setns(int fd, int nstype, String path) throws SyscallException {
    if (libc.setns(fd, nstype) != 0) {
      throw new SyscallException("setns", path, errno());
    }
  }

  @Override
  public void unshare(int flags) throws SyscallException {
    if (libc.unshare(flags) != 0) {
      throw new SyscallException("unshare", null, errno());
    }
  }

  private int errno() {
    return Runtime.getRuntime(libc).getLastError();
  }
}
