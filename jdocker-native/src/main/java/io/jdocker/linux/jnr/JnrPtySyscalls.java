package io.jdocker.linux.jnr;

import io.jdocker.linux.errno.SyscallException;
import io.jdocker.linux.pty.PtySyscalls;
import io.jdocker.linux.pty.WindowSize;
import java.nio.charset.StandardCharsets;
import jnr.ffi.Runtime;

/** {@link PtySyscalls} through libc. */
public final class JnrPtySyscalls implements PtySyscalls {
  public static final JnrPtySyscalls INSTANCE = new JnrPtySyscalls();

  private static final long TIOCGWINSZ = 0x5413;
  private static final long TIOCSWINSZ = 0x5414;
  private static final long TIOCGPTN = 0x80045430L;

  private final LibcPty libc = LibcPty.INSTANCE;

  private JnrPtySyscalls() {}

  @Override
  public int posixOpenpt(int flags) throws SyscallException {
    return check(libc.posix_openpt(flags), "posix_openpt", "/dev/ptmx");
  }

  @Override
  public int open(String path, int flags) throws SyscallException {
    return check(libc.open(path, flags), "open", path);
  }

  @Override
  public void grantpt(int fd) throws SyscallException {
    check(libc.grantpt(fd), "grantpt", null);
  }

  @Override
  public void unlockpt(int fd) throws SyscallException {
    check(libc.unlockpt(fd), "unlockpt", null);
  }

  @Override
  public String ptsname(int fd) throws SyscallException {
    byte[] buf = new byte[128];
    int rc = libc.ptsname_r(fd, buf, buf.length);
    if (rc != 0) {
      // ptsname_r returns the error number rather than setting errno.
      throw new SyscallException("ptsname_r", null, rc);
    }
    int len = 0;
    while (len < buf.length && buf[len] != 0) {
      len++;
    }
    return new String(buf, 0, len, StandardCharsets.UTF_8);
  }

  @Override
  public int ptyNumber(int fd) throws SyscallException {
    int[] number = new int[1];
    check(libc.ioctl(fd, TIOCGPTN, number), "ioctl", "TIOCGPTN");
    return number[0];
  }

  @Override
  public void setWindowSize(int fd, WindowSize size) throws SyscallException {
    short[] winsize = {(short) size.rows(), (short) size.columns(), 0, 0};
    check(libc.ioctl(fd, TIOCSWINSZ, winsize), "ioctl", "TIOCSWINSZ");
  }

  @Override
  public WindowSize windowSize(int fd) throws SyscallException {
    // struct winsize is four unsigned shorts: rows, columns and two unused pixel sizes.
    int[] winsize = new int[2];
    check(libc.ioctl(fd, TIOCGWINSZ, winsize), "ioctl", "TIOCGWINSZ");
    return new WindowSize(winsize[0] & 0xffff, winsize[0] >>> 16);
  }

  @Override
  public void dup3(int oldFd, int newFd, int flags) throws SyscallException {
    check(libc.dup3(oldFd, newFd, flags), "dup3", null);
  }

  @Override
  public void close(int fd) {
    libc.close(fd);
  }

  private int check(int rc, String call, String path) throws SyscallException {
    if (rc < 0) {
      throw new SyscallException(call, path, Runtime.getRuntime(libc).getLastError());
    }
    return rc;
  }
}
