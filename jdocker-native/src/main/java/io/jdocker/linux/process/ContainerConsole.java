package io.jdocker.linux.process;

import io.jdocker.linux.jnr.JnrMountSyscalls;
import io.jdocker.linux.mount.MountFlags;
import io.jdocker.linux.mount.MountSyscalls;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The devpts instance of a container's terminal, as Docker makes it: the terminal is
 * {@code /dev/pts/0} of the container's own devpts, so {@code tty} inside prints {@code /dev/pts/0}
 * and {@code exec -t} gets {@code /dev/pts/1}, ... from the same instance
 * ({@code Pty.openIn(/proc/PID/root/dev/pts)}).
 *
 * <p>The daemon mounts a fresh devpts instance on a host directory; jdocker-init allocates the
 * terminal there and keeps its master ({@link ContainerSpec.Relay#devpts()}), so the terminal
 * outlives the daemon, and the spec bind-mounts the instance over the container's /dev/pts. Once
 * the container runs it holds its own copy of the mount, so {@link #releaseHostMount()} lazily
 * unmounts the host side; the master keeps the instance alive.
 */
public final class ContainerConsole implements Closeable {
  private static final String OPTIONS = "newinstance,ptmxmode=0666,mode=0620,gid=5";

  private final MountSyscalls mounts;
  private final Path dir;
  private boolean mounted;

  private ContainerConsole(MountSyscalls mounts, Path dir) {
    this.mounts = mounts;
    this.dir = dir;
    this.mounted = true;
  }

  /** Mounts a devpts instance on {@code dir} (created; must be empty). */
  public static ContainerConsole create(Path dir) throws IOException {
    return create(JnrMountSyscalls.INSTANCE, dir);
  }

  static ContainerConsole create(MountSyscalls mounts, Path dir) throws IOException {
    Files.createDirectories(dir);
    mounts.mount("devpts", dir.toString(), "devpts", MountFlags.MS_NOSUID | MountFlags.MS_NOEXEC, OPTIONS);
    return new ContainerConsole(mounts, dir);
  }

  /** Where the instance is mounted on the host, for {@link ContainerSpec.Relay#devpts()}. */
  public Path dir() {
    return dir;
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

  /** Removes the host mount if left (a container that did not start). */
  @Override
  public void close() throws IOException {
    releaseHostMount();
  }
}
