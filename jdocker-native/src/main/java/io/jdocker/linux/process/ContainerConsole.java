package io.jdocker.linux.process;

import io.jdocker.linux.jnr.JnrMountSyscalls;
import io.jdocker.linux.mount.MountFlags;
import io.jdocker.linux.mount.MountSyscalls;
import io.jdocker.linux.pty.Pty;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A container's terminal as Docker makes it: the slave is {@code /dev/pts/0} of the container's
 * own devpts, so {@code tty} inside prints {@code /dev/pts/0} and {@code exec -t} gets
 * {@code /dev/pts/1}, ... from the same instance ({@code Pty.openIn(/proc/PID/root/dev/pts)}).
 *
 * <p>runc allocates the pty inside the container and passes the master back over a console
 * socket (SCM_RIGHTS), which Java's sockets cannot receive. Instead the daemon mounts a fresh
 * devpts instance on a host directory, opens its ptmx, and the spec bind-mounts that instance
 * over the container's /dev/pts. Once the container runs it holds its own copy of the mount, so
 * {@link #releaseHostMount()} lazily unmounts the host side; the master keeps the instance alive.
 */
public final class ContainerConsole implements Closeable {
  private static final String OPTIONS = "newinstance,ptmxmode=0666,mode=0620,gid=5";

  private final MountSyscalls mounts;
  private final Path dir;
  private final Pty pty;
  private boolean mounted;

  private ContainerConsole(MountSyscalls mounts, Path dir, Pty pty) {
    this.mounts = mounts;
    this.dir = dir;
    this.pty = pty;
    this.mounted = true;
  }

  /** Mounts a devpts instance on {@code dir} (created; must be empty) and opens its first pty. */
  public static ContainerConsole create(Path dir) throws IOException {
    return create(JnrMountSyscalls.INSTANCE, dir);
  }

  static ContainerConsole create(MountSyscalls mounts, Path dir) throws IOException {
    Files.createDirectories(dir);
    mounts.mount("devpts", dir.toString(), "devpts", MountFlags.MS_NOSUID | MountFlags.MS_NOEXEC, OPTIONS);
    try {
      return new ContainerConsole(mounts, dir, Pty.openIn(dir));
    } catch (IOException | RuntimeException e) {
      mounts.umount2(dir.toString(), MountFlags.MNT_DETACH);
      Files.deleteIfExists(dir);
      throw e;
    }
  }

  /** The master side, for the daemon's streams and resizes. */
  public Pty pty() {
    return pty;
  }

  /** The container's stdio: the slave (host path) opened by jdocker-init. */
  public ContainerSpec.Stdio stdio() {
    return ContainerSpec.Stdio.console(pty.slave());
  }

  /** Add to the container's mounts: this devpts instance becomes its /dev/pts. */
  public ContainerSpec.BindMount devptsMount() {
    return new ContainerSpec.BindMount(dir, "/dev/pts", false);
  }

  /** Call after {@link RunningInit#release()}: the container has its own copy of the mount. */
  public synchronized void releaseHostMount() throws IOException {
    if (mounted) {
      mounts.umount2(dir.toString(), MountFlags.MNT_DETACH);
      mounted = false;
      Files.deleteIfExists(dir);
    }
  }

  /** Closes the master (the container's terminal hangs up) and removes the host mount if left. */
  @Override
  public void close() throws IOException {
    try {
      pty.close();
    } finally {
      releaseHostMount();
    }
  }
}
