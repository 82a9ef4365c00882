package io.jdocker.linux.pty;

import io.jdocker.linux.errno.SyscallException;
import io.jdocker.linux.jnr.JnrPtySyscalls;
import java.io.Closeable;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/**
 * A pseudo-terminal pair: the daemon keeps the master (as Java streams), the container process
 * gets the slave as its controlling terminal and fds 0-2 (jdocker-init's {@code console} key).
 *
 * <p>The master is owned by Java (see {@link JavaOwnedFd}): closing it through {@link #close()}
 * or any of its streams closes the fd once, and no stale int fd is ever used afterwards. Reading
 * the master gives EOF once every holder of the slave has closed it (the kernel says EIO then, as
 * containerd's console copy also treats it).
 */
public final class Pty implements Closeable {
  private static final int O_RDWR = 0x2;
  private static final int O_NOCTTY = 0x100;
  private static final int O_CLOEXEC = 0x80000;
  private static final String EIO_MESSAGE = "Input/output error";

  private final PtySyscalls syscalls;
  private final RandomAccessFile master;
  private final FileDescriptor masterDescriptor;
  private final int masterFd;
  private final Path slave;
  private final InputStream input;
  private final OutputStream output;
  private boolean closed;

  private Pty(PtySyscalls syscalls, JavaOwnedFd.Adopted master, Path slave) throws IOException {
    this.syscalls = syscalls;
    this.master = master.file();
    this.masterDescriptor = this.master.getFD();
    this.masterFd = master.fd();
    this.slave = slave;
    this.input = new EofOnHangup(new FileInputStream(masterDescriptor));
    this.output = new FileOutputStream(masterDescriptor);
  }

  /** A pty on the host's /dev/ptmx (posix_openpt, grantpt, unlockpt, ptsname_r). */
  public static Pty open() throws IOException {
    return open(JnrPtySyscalls.INSTANCE);
  }

  static Pty open(PtySyscalls syscalls) throws IOException {
    int fd = syscalls.posixOpenpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    Path slave;
    try {
      syscalls.grantpt(fd);
      syscalls.unlockpt(fd);
      slave = Path.of(syscalls.ptsname(fd));
    } catch (IOException | RuntimeException e) {
      syscalls.close(fd);
      throw e;
    }
    return new Pty(syscalls, JavaOwnedFd.adopt(syscalls, fd), slave);
  }

  /**
   * A pty in the devpts instance mounted at {@code devpts}, e.g. a running container's own
   * {@code /proc/PID/root/dev/pts}: inside that container the slave is then {@code /dev/pts/N},
   * as with Docker. {@link #slave()} is the path as given, usable from the host.
   */
  public static Pty openIn(Path devpts) throws IOException {
    return openIn(JnrPtySyscalls.INSTANCE, devpts);
  }

  static Pty openIn(PtySyscalls syscalls, Path devpts) throws IOException {
    int fd = syscalls.open(devpts.resolve("ptmx").toString(), O_RDWR | O_NOCTTY | O_CLOEXEC);
    Path slave;
    try {
      syscalls.unlockpt(fd);
      slave = devpts.resolve(Integer.toString(syscalls.ptyNumber(fd)));
    } catch (IOException | RuntimeException e) {
      syscalls.close(fd);
      throw e;
    }
    return new Pty(syscalls, JavaOwnedFd.adopt(syscalls, fd), slave);
  }

  /** The slave's path, for jdocker-init's {@code console} (ContainerSpec.Stdio.console). */
  public Path slave() {
    return slave;
  }

  /** What the container writes; EOF once it (and everything it started) closed the terminal. */
  public InputStream input() {
    return input;
  }

  /** What the container reads as typed input. */
  public OutputStream output() {
    return output;
  }

  /** Sets the window size (TIOCSWINSZ); the terminal's foreground process group gets SIGWINCH. */
  public synchronized void resize(int rows, int columns) throws SyscallException {
    WindowSize size = new WindowSize(rows, columns);
    syscalls.setWindowSize(openFd(), size);
  }

  public synchronized WindowSize windowSize() throws SyscallException {
    return syscalls.windowSize(openFd());
  }

  private int openFd() throws SyscallException {
    if (closed || !masterDescriptor.valid()) {
      throw new SyscallException("ioctl", slave + " (master closed)", 9 /* EBADF */);
    }
    return masterFd;
  }

  @Override
  public synchronized void close() throws IOException {
    closed = true;
    master.close();
  }

  /** Turns the master's EIO after the last slave holder left into an ordinary end of stream. */
  private static final class EofOnHangup extends FilterInputStream {
    private boolean hungUp;

    EofOnHangup(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (hungUp) {
        return -1;
      }
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        if (EIO_MESSAGE.equals(e.getMessage())) {
          hungUp = true;
          return -1;
        }
        throw e;
      }
    }
  }
}
