package io.jdocker.linux.errno;

import java.io.IOException;

/**
 * A failed system call, named the way crun and Netty name them: {@code mount(/var/lib/x): EBUSY
 * (Device or resource busy)}. Carries the call, the path (may be null) and the errno.
 */
public class SyscallException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String call;
  private final String path;
  private final int errno;

  public SyscallException(String call, String path, int errno) {
    super(format(call, path, errno));
    this.call = call;
    this.path = path;
    this.errno = errno;
  }

  private static String format(String call, String path, int errno) {
    String where = path == null ? "" : "(" + path + ")";
    return call + where + ": " + Errno.name(errno) + " (" + Errno.describe(errno) + ")";
  }

  public String call() {
    return call;
  }

  public String path() {
    return path;
  }

  public int errno() {
    return errno;
  }
}
