package io.jdocker.linux;

import io.jdocker.linux.errno.SyscallException;
import java.nio.file.Path;
import java.util.List;

/**
 * The filesystem syscalls Java cannot make by itself: device nodes, extended attributes,
 * ownership and times of symlinks, and permission bits including setuid/setgid/sticky. Every
 * method works on the path itself and never follows a final symlink, except {@link #chmod} (Linux
 * has no mode on symlinks), which callers must not use on one.
 *
 * <p>The real implementation is {@code io.jdocker.linux.jnr.JnrFileSystemCalls}; tests use {@code
 * io.jdocker.linux.testing.RecordingFileSystemCalls}. Failures throw {@link SyscallException}
 * naming the call, the path and the errno.
 */
public interface FileSystemCalls {

  /**
   * {@code mknod(2)}.
   *
   * @param mode file type ({@link FileStat#S_IFCHR}, {@link FileStat#S_IFBLK}, {@link
   *     FileStat#S_IFIFO}) or'ed with the permission bits (the umask applies)
   */
  void mknod(Path path, int mode, int major, int minor) throws SyscallException;

  /**
   * {@code symlink(2)}: creates {@code link} pointing at {@code target}, kept byte for byte (the
   * JDK's {@code Path} would drop a trailing or doubled slash).
   */
  void symlink(String target, Path link) throws SyscallException;

  /** {@code lsetxattr(2)}: creates or replaces the attribute. */
  void lsetxattr(Path path, String name, byte[] value) throws SyscallException;

  /** {@code lgetxattr(2)}; null when the attribute is absent (ENODATA). */
  byte[] lgetxattr(Path path, String name) throws SyscallException;

  /** {@code llistxattr(2)}: the attribute names, in the kernel's order. */
  List<String> llistxattr(Path path) throws SyscallException;

  /** {@code lchown(2)}. Note the kernel clears setuid/setgid on regular files: chmod afterwards. */
  void lchown(Path path, int uid, int gid) throws SyscallException;

  /** {@code chmod(2)} with all of 07777. Follows symlinks: never call it on one. */
  void chmod(Path path, int mode) throws SyscallException;

  /**
   * {@code utimensat(AT_FDCWD, path, times, noFollow ? AT_SYMLINK_NOFOLLOW : 0)}.
   *
   * @param atimeNanos access time in nanoseconds since the epoch
   * @param mtimeNanos modification time in nanoseconds since the epoch
   */
  void utimensat(Path path, long atimeNanos, long mtimeNanos, boolean noFollow)
      throws SyscallException;

  /** {@code lstat(2)}. */
  FileStat lstat(Path path) throws SyscallException;
}
