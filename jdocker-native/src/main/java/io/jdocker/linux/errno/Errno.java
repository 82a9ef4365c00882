package io.jdocker.linux.errno;

/** Symbolic names and descriptions of Linux errno values (via jnr-constants). */
public final class Errno {
  public static final int EPERM = 1;
  public static final int ENOENT = 2;
  public static final int EINTR = 4;
  public static final int EAGAIN = 11;
  public static final int EACCES = 13;
  public static final int EBUSY = 16;
  public static final int EEXIST = 17;
  public static final int ENOTDIR = 20;
  public static final int EINVAL = 22;
  public static final int ENOSPC = 28;
  public static final int ENOSYS = 38;
  public static final int ENODATA = 61;
  public static final int EOPNOTSUPP = 95;

  private Errno() {}

  public static String name(int errno) {
    jnr.constants.platform.Errno e = jnr.constants.platform.Errno.valueOf(errno);
    return e == null || e.name().startsWith("__") ? "errno " + errno : e.name();
  }

  public static String describe(int errno) {
    jnr.constants.platform.Errno e = jnr.constants.platform.Errno.valueOf(errno);
    return e == null ? "unknown error" : e.description();
  }
}
