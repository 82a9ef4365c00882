package io.jdocker.linux.jnr;

import jnr.ffi.LibraryLoader;
import jnr.ffi.LibraryOption;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.types.size_t;

/** libc's pseudo-terminal calls, as JNR binds them. Used only by {@link JnrPtySyscalls}. */
public interface LibcPty {
  LibcPty INSTANCE =
      LibraryLoader.create(LibcPty.class).option(LibraryOption.SaveError, true).load("c");

  int posix_openpt(int flags);

  int grantpt(int fd);

  int unlockpt(int fd);

  int ptsname_r(int fd, @Out byte[] buf, @size_t long buflen);

  int open(String path, int flags);

  int dup3(int oldfd, int newfd, int flags);

  int close(int fd);

  /** ioctl is variadic; on x86_64 and arm64 a pointer vararg travels like a fixed argument. */
  int ioctl(int fd, long request, @In short[] arg);

  int ioctl(int fd, long request, @Out int[] arg);
}
