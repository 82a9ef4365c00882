package io.jdocker.daemon.archive;

import io.jdocker.linux.FileStat;

/** Go's {@code os.FileMode} bits, which Docker puts in the path-stat header's {@code mode}. */
public final class GoFileMode {
  public static final long DIR = 1L << 31;
  public static final long SYMLINK = 1L << 27;
  public static final long DEVICE = 1L << 26;
  public static final long NAMED_PIPE = 1L << 25;
  public static final long SOCKET = 1L << 24;
  public static final long SETUID = 1L << 23;
  public static final long SETGID = 1L << 22;
  public static final long CHAR_DEVICE = 1L << 21;
  public static final long STICKY = 1L << 20;

  private GoFileMode() {}

  /** The mode Go's {@code os.Lstat} reports for this {@code st_mode}. */
  public static long of(int stMode) {
    long mode = stMode & 0777;
    mode |= switch (stMode & FileStat.S_IFMT) {
      case FileStat.S_IFDIR -> DIR;
      case FileStat.S_IFLNK -> SYMLINK;
      case FileStat.S_IFBLK -> DEVICE;
      case FileStat.S_IFCHR -> DEVICE | CHAR_DEVICE;
      case FileStat.S_IFIFO -> NAMED_PIPE;
      case FileStat.S_IFSOCK -> SOCKET;
      default -> 0L;
    };
    if ((stMode & 04000) != 0) {
      mode |= SETUID;
    }
    if ((stMode & 02000) != 0) {
      mode |= SETGID;
    }
    if ((stMode & 01000) != 0) {
      mode |= STICKY;
    }
    return mode;
  }
}
