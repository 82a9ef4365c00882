package io.jdocker.daemon.archive;

import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.errdefs.NotFoundException;
import io.jdocker.image.layer.UnpackOptions;
import io.jdocker.linux.FileStat;
import io.jdocker.linux.FileSystemCalls;
import io.jdocker.linux.jnr.JnrFileSystemCalls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code docker cp} operations on one container's filesystem, seen through {@code root}: for
 * a running container {@code /proc/<pid>/root}, for a stopped one its mounted overlay. Every
 * client path is resolved inside {@code root} ({@link ScopedPath}), never on the host.
 *
 * <ul>
 *   <li>{@link #stat} answers {@code HEAD /containers/{id}/archive?path=}
 *   <li>{@link #archive} answers {@code GET}: the stat header, then the tar
 *   <li>{@link #extract} answers {@code PUT}
 * </ul>
 *
 * @see <a href="https://github.com/moby/moby/blob/master/daemon/archive_unix.go">moby daemon/archive</a>
 */
public final class ContainerFs {
  /** Kernel filesystems a running container has mounted: their contents are not files to copy. */
  private static final Set<String> PSEUDO_MOUNTS = Set.of("/proc", "/sys");

  private final Path root;
  private final String containerName;
  private final FileSystemCalls fs;

  /**
   * @param root the container's root directory as the daemon sees it
   * @param containerName how errors name the container (Docker uses the name or ID the client gave)
   */
  public ContainerFs(Path root, String containerName) {
    this(root, containerName, JnrFileSystemCalls.instance());
  }

  public ContainerFs(Path root, String containerName, FileSystemCalls fs) {
    // "/proc/<pid>/root" is itself a (magic) symlink: "root/." makes lstat see the directory.
    this.root = Objects.requireNonNull(root, "root").resolve(".");
    this.containerName = Objects.requireNonNull(containerName, "containerName");
    this.fs = Objects.requireNonNull(fs, "fs");
  }

  /** A resource ready to be sent: its stat for the header, then its tar. */
  public interface Archive {
    PathStat stat();

    /** Writes the tar to {@code out}, flushed but not closed. */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Docker's {@code ContainerStatPath}: the directory part is resolved in scope, the last element
   * is examined itself (a symlink is reported as one, with the path it resolves to).
   *
   * @throws NotFoundException {@code Could not find the file PATH in container NAME}
   */
  public PathStat stat(String path) throws IOException {
    return locate(RequestedPath.of(path)).pathStat();
  }

  /**
   * Docker's {@code ContainerArchivePath}.
   *
   * @throws NotFoundException as {@link #stat}
   */
  public Archive archive(String path) throws IOException {
    Located located = locate(RequestedPath.of(path));
    PathStat stat = located.pathStat();
    ArchiveReader reader = new ArchiveReader(fs, this::isPseudoMount);
    return new Archive() {
      @Override
      public PathStat stat() {
        return stat;
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        reader.write(located.host(), located.requested().name(), out);
      }
    };
  }

  /**
   * Docker's {@code ContainerExtractToDir}: {@code dir} is resolved in scope including its last
   * element (so it may be a symlink to a directory), then {@code tar} is extracted into it.
   *
   * @param owner the owner of every extracted entry, or null to keep the archive's (moby keeps
   *     them unless {@code copyUIDGID} is set and the container has a {@code User})
   * @throws NotFoundException when {@code dir} does not exist
   * @throws InvalidParameterException "extraction point is not a directory", or a bad entry
   * @throws io.jdocker.errdefs.ConflictException when {@code noOverwriteDirNonDir} refuses an entry
   */
  public void extract(String dir, InputStream tar, boolean noOverwriteDirNonDir, UnpackOptions.Owner owner)
      throws IOException {
    RequestedPath requested = RequestedPath.of(dir);
    ScopedPath target = ScopedPath.resolve(root, requested.absolute(), fs);
    FileStat stat = ScopedPath.lstatOrNull(fs, target.hostPath());
    if (stat == null) {
      throw notFound(requested);
    }
    if (!stat.isDirectory()) {
      throw new InvalidParameterException("extraction point is not a directory");
    }
    new ArchiveWriter(fs).extract(target, tar, noOverwriteDirNonDir, owner);
  }

  /** The requested path's host location: its directory resolved in scope, its last element not. */
  private record Located(RequestedPath requested, Path host, FileStat fileStat, String linkTarget) {
    PathStat pathStat() {
      long nanos = fileStat.mtimeNanos();
      Instant mtime = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
      return new PathStat(requested.name(), fileStat.size(), GoFileMode.of(fileStat.mode()), mtime, linkTarget);
    }
  }

  private Located locate(RequestedPath requested) throws IOException {
    ScopedPath dir = ScopedPath.resolve(root, requested.directory(), fs);
    Path host = requested.assertsDirectory() ? dir.hostPath() : dir.hostPath().resolve(requested.lastElement());
    FileStat stat = ScopedPath.lstatOrNull(fs, host);
    // Docker lstats "dir/" or "dir/.", which fails with ENOTDIR unless dir is a directory.
    if (stat == null || (requested.assertsDirectory() && !stat.isDirectory())) {
      throw notFound(requested);
    }
    String linkTarget = stat.isSymlink() ? ScopedPath.resolve(root, requested.absolute(), fs).containerPath() : "";
    return new Located(requested, host, stat, linkTarget);
  }

  private boolean isPseudoMount(Path dir) {
    for (String mount : PSEUDO_MOUNTS) {
      if (dir.equals(ScopedPath.in(root, mount))) {
        try {
          return fs.lstat(dir).device() != fs.lstat(root).device();
        } catch (IOException e) {
          return true;
        }
      }
    }
    return false;
  }

  private NotFoundException notFound(RequestedPath requested) {
    return new NotFoundException("Could not find the file " + requested.raw() + " in container " + containerName);
  }
}
