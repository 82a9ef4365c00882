package io.jdocker.linux.jnr;

import io.jdocker.linux.FileStat;
import io.jdocker.linux.FileSystemCalls;
import io.jdocker.linux.errno.Errno;
import io.jdocker.linux.errno.SyscallException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/** {@link FileSystemCalls} through libc with jnr-ffi; {@code lstat} through the JDK's unix view. */
public final class JnrFileSystemCalls implements FileSystemCalls {
  private static final int ERANGE = 34;

  private static final class Holder {
    static final LibcFs LIBC = LibraryLoader.create(LibcFs.class).load("c");
    static final Runtime RUNTIME = Runtime.getRuntime(LIBC);
  }

  private static final JnrFileSystemCalls INSTANCE = new JnrFileSystemCalls();

  private JnrFileSystemCalls() {}

  public static JnrFileSystemCalls instance() {
    return INSTANCE;
  }

  private static LibcFs libc() {
    return Holder.LIBC;
  }

  private static SyscallException failure(String call, Path path) {
    return new SyscallException(call, path.toString(), Holder.RUNTIME.getLastError());
  }

  @Override
  public void mknod(Path path, int mode, int major, int minor) throws SyscallException {
    if (libc().mknod(path.toString(), mode, FileStat.makedev(major, minor)) != 0) {
      throw failure("mknod", path);
    }
  }

  @Override
  public void symlink(String target, Path link) throws SyscallException {
    if (libc().symlink(target, link.toString()) != 0) {
      throw failure("symlink", link);
    }
  }

  @Override
  public void lsetxattr(Path path, String name, byte[] value) throws SyscallException {
    if (libc().lsetxattr(path.toString(), name, value, value.length, 0) != 0) {
      throw failure("lsetxattr", path);
    }
  }

  @Override
  public byte[] lgetxattr(Path path, String name) throws SyscallException {
    // Size, then read; the value can grow in between (ERANGE), so retry.
    while (true) {
      long size = libc().lgetxattr(path.toString(), name, null, 0);
      if (size < 0) {
        return nullIfNoData(path);
      }
      byte[] buf = new byte[(int) size];
      long read = size == 0 ? 0 : libc().lgetxattr(path.toString(), name, buf, buf.length);
      if (read >= 0) {
        return read == buf.length ? buf : java.util.Arrays.copyOf(buf, (int) read);
      }
      if (Holder.RUNTIME.getLastError() != ERANGE) {
        return nullIfNoData(path);
      }
    }
  }

  private static byte[] nullIfNoData(Path path) throws SyscallException {
    int errno = Holder.RUNTIME.getLastError();
    if (errno == Errno.ENODATA) {
      return null;
    }
    throw new SyscallException("lgetxattr", path.toString(), errno);
  }

  @Override
  public List<String> llistxattr(Path path) throws SyscallException {
    while (true) {
      long size = libc().llistxattr(path.toString(), null, 0);
      if (size < 0) {
        throw failure("llistxattr", path);
      }
      if (size == 0) {
        return List.of();
      }
      byte[] buf = new byte[(int) size];
      long read = libc().llistxattr(path.toString(), buf, buf.length);
      if (read >= 0) {
        return splitNames(buf, (int) read);
      }
      if (Holder.RUNTIME.getLastError() != ERANGE) {
        throw failure("llistxattr", path);
      }
    }
  }

  private static List<String> splitNames(byte[] buf, int length) {
    List<String> names = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < length; i++) {
      if (buf[i] == 0) {
        if (i > start) {
          names.add(new String(buf, start, i - start, StandardCharsets.UTF_8));
        }
        start = i + 1;
      }
    }
    return List.copyOf(names);
  }

  @Override
  public void lchown(Path path, int uid, int gid) throws SyscallException {
    if (libc().lchown(path.toString(), uid, gid) != 0) {
      throw failure("lchown", path);
    }
  }

  @Override
  public void chmod(Path path, int mode) throws SyscallException {
    if (libc().chmod(path.toString(), mode & 07777) != 0) {
      throw failure("chmod", path);
    }
  }

  @Override
  public void utimensat(Path path, long atimeNanos, long mtimeNanos, boolean noFollow)
      throws SyscallException {
    long[] times = {
      Math.floorDiv(atimeNanos, 1_000_000_000L), Math.floorMod(atimeNanos, 1_000_000_000L),
      Math.floorDiv(mtimeNanos, 1_000_000_000L), Math.floorMod(mtimeNanos, 1_000_000_000L)
    };
    int flags = noFollow ? LibcFs.AT_SYMLINK_NOFOLLOW : 0;
    if (libc().utimensat(LibcFs.AT_FDCWD, path.toString(), times, flags) != 0) {
      throw failure("utimensat", path);
    }
  }

  @Override
  public FileStat lstat(Path path) throws SyscallException {
    Map<String, Object> a;
    try {
      a = Files.readAttributes(path, "unix:*", LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new SyscallException("lstat", path.toString(), errnoOf(e));
    }
    long rdev = (Long) a.get("rdev");
    return new FileStat(
        (Integer) a.get("mode"),
        (Integer) a.get("uid"),
        (Integer) a.get("gid"),
        (Long) a.get("dev"),
        (Long) a.get("ino"),
        ((Number) a.get("nlink")).longValue(),
        (Long) a.get("size"),
        FileStat.major(rdev),
        FileStat.minor(rdev),
        ((FileTime) a.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS));
  }

  /** The JDK turns errno into exception types and strerror text; turn it back. */
  static int errnoOf(IOException e) {
    if (e instanceof NoSuchFileException) {
      return Errno.ENOENT;
    }
    if (e instanceof AccessDeniedException) {
      return Errno.EACCES;
    }
    if (e instanceof NotDirectoryException) {
      return Errno.ENOTDIR;
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      for (jnr.constants.platform.Errno candidate : jnr.constants.platform.Errno.values()) {
        if (fse.getReason().startsWith(candidate.description())) {
          return candidate.intValue();
        }
      }
    }
    return 5; // EIO: the JDK did not say
  }
}
