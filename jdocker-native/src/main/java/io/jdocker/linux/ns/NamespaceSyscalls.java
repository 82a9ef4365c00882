package io.jdocker.linux.ns;

import io.jdocker.linux.errno.SyscallException;

/** The calls needed to enter namespaces; {@code io.jdocker.linux.jnr.JnrProcessSyscalls} is real. */
public interface NamespaceSyscalls {
  /** Opens {@code path} read-only and close-on-exec, returning the fd. */
  int open(String path) throws SyscallException;

  void close(int fd);

  void setns(int fd, int nstype, String path) throws SyscallException;

  void unshare(int flags) throws SyscallException;
}
