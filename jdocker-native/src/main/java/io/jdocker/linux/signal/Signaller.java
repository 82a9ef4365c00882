package io.jdocker.linux.signal;

import io.jdocker.linux.errno.SyscallException;

/** kill(2); {@code io.jdocker.linux.jnr.JnrProcessSyscalls} is the real one. */
public interface Signaller {
  void kill(int pid, int signal) throws SyscallException;

  default void kill(int pid, Signal signal) throws SyscallException {
    kill(pid, signal.number());
  }
}
