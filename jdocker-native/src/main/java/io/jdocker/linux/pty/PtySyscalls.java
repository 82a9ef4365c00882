package io.jdocker.linux.pty;

import io.jdocker.linux.errno.SyscallException;

/** The calls a {@link Pty} needs; {@code io.jdocker.linux.jnr.JnrPtySyscalls} is the real one. */
public interface PtySyscalls {
  int posixOpenpt(int flags) throws SyscallException;

  int open(String path, int flags) throws SyscallException;

  void grantpt(int fd) throws SyscallException;

  void unlockpt(int fd) throws SyscallException;

  /** The slave's path for a master opened on the host's /dev/ptmx. */
  String ptsname(int fd) throws SyscallException;

  /** The slave's number in the master's own devpts instance (TIOCGPTN). */
  int ptyNumber(int fd) throws SyscallException;

  void setWindowSize(int fd, WindowSize size) throws SyscallException;

  WindowSize windowSize(int fd) throws SyscallException;

  void dup3(int oldFd, int newFd, int flags) throws SyscallException;

  void close(int fd);
}
