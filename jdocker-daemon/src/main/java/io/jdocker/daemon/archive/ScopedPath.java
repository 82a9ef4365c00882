package io.jdocker.daemon.archive;

import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.linux.FileStat;
import io.jdocker.linux.FileSystemCalls;
import io.jdocker.linux.errno.Errno;
import io.jdocker.linux.errno.SyscallException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A path inside a container's root with every symlink resolved inside that root: Docker's {@code
 * FollowSymlinkInScope}. An absolute link target starts again at the container root, {@code ..}
 * never climbs above it, a missing component is accepted as it is, and more than 255 steps fail
 * with Docker's "too many links". So a container's {@code /evil -> /} or {@code ../../..} can
 * never name a host path.
 *
 * <p>The request is cleaned lexically first ({@code /a/link/..} is {@code /a}), as Docker's {@code
 * filepath.Join} does; only the {@code ..} met inside link targets apply to resolved components.
 * A trailing {@code /} or {@code /.} carries no meaning here: see {@link RequestedPath}.
 *
 * @param root the container's root directory on the host
 * @param containerPath the resolved absolute path inside the container, cleaned
 */
public record ScopedPath(Path root, String containerPath) {
  private static final int MAX_STEPS = 255;

  /** The host path of {@link #containerPath}. */
  public Path hostPath() {
    return in(root, containerPath);
  }

  /**
   * Resolves {@code containerPath} (taken as absolute) in the scope of {@code root}.
   *
   * @throws InvalidParameterException on a NUL byte or a link loop
   * @throws IOException when a component cannot be examined (other than being absent)
   */
  public static ScopedPath resolve(Path root, String containerPath, FileSystemCalls fs)
      throws IOException {
    if (containerPath.indexOf('\0') >= 0) {
      throw new InvalidParameterException("path contains a NUL byte: " + containerPath.replace("\0", "\\x00"));
    }
    String original = GoPaths.cleanAbsolute(containerPath);
    String rest = original;
    List<String> resolved = new ArrayList<>();
    for (int steps = 0; !rest.isEmpty(); steps++) {
      if (steps > MAX_STEPS) {
        throw new InvalidParameterException("evalSymlinksInScope: too many links in " + original);
      }
      int slash = rest.indexOf('/');
      String part = slash < 0 ? rest : rest.substring(0, slash);
      rest = slash < 0 ? "" : rest.substring(slash + 1);
      if (part.isEmpty()) {
        continue;
      }
      List<String> candidate = step(resolved, part);
      if (candidate.isEmpty()) {
        resolved = candidate; // the root itself is never a link
        continue;
      }
      Path host = in(root, "/" + String.join("/", candidate));
      FileStat stat = lstatOrNull(fs, host);
      if (stat == null || !stat.isSymlink()) {
        resolved = candidate;
        continue;
      }
      String target = Files.readSymbolicLink(host).toString();
      if (target.startsWith("/")) {
        resolved = new ArrayList<>();
      }
      rest = target + "/" + rest;
    }
    return new ScopedPath(root, "/" + String.join("/", resolved));
  }

  /** {@code resolved} followed by {@code part}, where ".." drops the last resolved component. */
  private static List<String> step(List<String> resolved, String part) {
    List<String> next = new ArrayList<>(resolved);
    if (part.equals("..")) {
      if (!next.isEmpty()) {
        next.removeLast();
      }
    } else if (!part.equals(".")) {
      next.add(part);
    }
    return next;
  }

  /**
   * Null when the path does not exist. A component below a non-directory (ENOTDIR) counts as
   * absent too: it cannot exist, and the caller reports it as not found.
   */
  static FileStat lstatOrNull(FileSystemCalls fs, Path host) throws SyscallException {
    try {
      return fs.lstat(host);
    } catch (SyscallException e) {
      if (e.errno() == Errno.ENOENT || e.errno() == Errno.ENOTDIR) {
        return null;
      }
      throw e;
    }
  }

  static Path in(Path root, String cleanAbsolute) {
    return cleanAbsolute.equals("/") ? root : root.resolve(cleanAbsolute.substring(1));
  }
}
