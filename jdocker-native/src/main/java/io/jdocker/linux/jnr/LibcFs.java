package io.jdocker.linux.jnr;

import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.types.dev_t;
import jnr.ffi.types.mode_t;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/** libc's filesystem calls, bound by jnr-ffi. Used only by {@link JnrFileSystemCalls}. */
public interface LibcFs {
  int AT_FDCWD = -100;
  int AT_SYMLINK_NOFOLLOW = 0x100;

  @SaveError
  int mknod(String path, @mode_t int mode, @dev_t long dev);

  @SaveError
  int symlink(String target, String linkpath);

  @SaveError
  int lsetxattr(String path, String name, @In byte[] value, @size_t long size, int flags);

  @SaveError
  @ssize_t
  long lgetxattr(String path, String name, @Out byte[] value, @size_t long size);

  @SaveError
  @ssize_t
  long llistxattr(String path, @Out byte[] list, @size_t long size);

  @SaveError
  int lchown(String path, int uid, int gid);

  @SaveError
  int chmod(String path, @mode_t int mode);

  /** {@code times} is two {@code struct timespec}: atime sec, atime nsec, mtime sec, mtime nsec. */
  @SaveError
  int utimensat(int dirfd, String path, @In long[] times, int flags);
}
