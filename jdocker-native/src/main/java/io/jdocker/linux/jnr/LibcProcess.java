package io.jdocker.linux.jnr;

import jnr.ffi.LibraryLoader;
import jnr.ffi.LibraryOption;

/** libc's signal and namespace calls, as JNR binds them. Used only by {@link JnrProcessSyscalls}. */
public interface LibcProcess {
  LibcProcess INSTANCE =
      LibraryLoader.create(LibcProcess.class).option(LibraryOption.SaveError, true).load("c");

  int kill(int pid, int signal);

  int setns(int fd, int nstype);

  int unshare(int flags);

  int open(String path, int flags);

  int close(int fd);
}
