package io.jdocker.linux;

/**
 * What {@code lstat(2)} says about one path, without following a final symlink.
 *
 * @param mode the full {@code st_mode}: file type bits ({@code S_IFMT}) and permission bits incl.
 *     setuid/setgid/sticky
 * @param rdevMajor major number of a device node (0 otherwise)
 * @param rdevMinor minor number of a device node (0 otherwise)
 * @param mtimeNanos modification time in nanoseconds since the epoch
 */
public record FileStat(
    int mode,
    int uid,
    int gid,
    long device,
    long inode,
    long nlink,
    long size,
    int rdevMajor,
    int rdevMinor,
    long mtimeNanos) {

  public static final int S_IFMT = 0170000;
  public static final int S_IFSOCK = 0140000;
  public static final int S_IFLNK = 0120000;
  public static final int S_IFREG = 0100000;
  public static final int S_IFBLK = 0060000;
  public static final int S_IFDIR = 0040000;
  public static final int S_IFCHR = 0020000;
  public static final int S_IFIFO = 0010000;

  /** Permission bits plus setuid, setgid and sticky. */
  public int permissions() {
    return mode & 07777;
  }

  public int type() {
    return mode & S_IFMT;
  }

  public boolean isDirectory() {
    return type() == S_IFDIR;
  }

  public boolean isRegularFile() {
    return type() == S_IFREG;
  }

  public boolean isSymlink() {
    return type() == S_IFLNK;
  }

  public boolean isCharDevice() {
    return type() == S_IFCHR;
  }

  /** An overlayfs whiteout: a character device with device number 0/0. */
  public boolean isOverlayWhiteout() {
    return isCharDevice() && rdevMajor == 0 && rdevMinor == 0;
  }

  /** glibc's {@code gnu_dev_major}. */
  public static int major(long rdev) {
    return (int) (((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL));
  }

  /** glibc's {@code gnu_dev_minor}. */
  public static int minor(long rdev) {
    return (int) ((rdev & 0xff) | ((rdev >>> 12) & ~0xffL));
  }

  /** glibc's {@code gnu_dev_makedev}. */
  public static long makedev(int major, int minor) {
    long ma = Integer.toUnsignedLong(major);
    long mi = Integer.toUnsignedLong(minor);
    return ((ma & 0xfff) << 8) | ((ma & ~0xfffL) << 32) | (mi & 0xff) | ((mi & ~0xffL) << 12);
  }
}
