package io.jdocker.cli.command;

import io.jdocker.cli.CliException;
import io.jdocker.cli.archive.CopyPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * The host side of {@code cp}, following docker's {@code resolveLocalPath}, {@code CopyInfoSourcePath},
 * {@code CopyInfoDestinationPath} and {@code ValidateOutputPath}, with the same error texts
 * ({@code lstat //nope: no such file or directory}).
 */
final class LocalPaths {
  /** A local source: its resolved path, and the name its entries must take when that differs. */
  record Source(String path, boolean isDir, String rebaseName) {}

  record Destination(String path, boolean exists, boolean isDir) {}

  private LocalPaths() {}

  /** An absolute path that keeps a trailing {@code /} or {@code /.} of the original. */
  static String resolve(String local) {
    String abs = CopyPaths.clean(local.startsWith("/") ? local : System.getProperty("user.dir") + "/" + local);
    if (!CopyPaths.specifiesCurrentDir(abs) && CopyPaths.specifiesCurrentDir(local)) {
      abs += (abs.endsWith("/") ? "" : "/") + ".";
    }
    if (!abs.endsWith("/") && local.endsWith("/")) {
      abs += "/";
    }
    return abs;
  }

  /** {@code CopyInfoSourcePath}: symlinks in the parent are resolved, the last element only with {@code -L}. */
  static Source source(String path, boolean followLink) {
    String resolved;
    String rebaseName = "";
    if (followLink) {
      String[] rebased = rebaseName(path, realPath(path));
      resolved = rebased[0];
      rebaseName = rebased[1];
    } else {
      int slash = path.lastIndexOf('/');
      String dir = path.substring(0, slash + 1);
      String base = path.substring(slash + 1);
      resolved = realPath(dir.isEmpty() ? "." : dir) + "/" + base;
      if (CopyPaths.hasTrailingSeparator(path) && !CopyPaths.base(path).equals(CopyPaths.base(resolved))) {
        rebaseName = CopyPaths.base(path);
      }
    }
    Path p = Path.of(resolved);
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      throw new CliException("lstat " + resolved + ": no such file or directory");
    }
    return new Source(resolved, Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS), rebaseName);
  }

  /** {@code GetRebaseName}: keeps a trailing {@code /} or {@code /.} and names the entries after {@code path}. */
  static String[] rebaseName(String path, String resolved) {
    if (CopyPaths.specifiesCurrentDir(path) && !CopyPaths.specifiesCurrentDir(resolved)) {
      resolved += "/.";
    }
    if (CopyPaths.hasTrailingSeparator(path) && !CopyPaths.hasTrailingSeparator(resolved)) {
      resolved += "/";
    }
    String rebase = CopyPaths.base(path).equals(CopyPaths.base(resolved)) ? "" : CopyPaths.base(path);
    return new String[] {resolved, rebase};
  }

  /** {@code CopyInfoDestinationPath}: follows a symlink at the end; the parent must exist. */
  static Destination destination(String path) {
    String current = path;
    for (int n = 0; Files.isSymbolicLink(Path.of(current)); n++) {
      if (n > 10) {
        throw new CliException("too many symlinks in " + path);
      }
      try {
        String target = Files.readSymbolicLink(Path.of(current)).toString();
        current = target.startsWith("/") ? target : CopyPaths.clean(CopyPaths.splitDirEntry(current)[0] + "/" + target);
      } catch (IOException e) {
        throw new CliException(e.getMessage());
      }
    }
    Path p = Path.of(current);
    if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      return new Destination(current, true, Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS));
    }
    String parent = CopyPaths.splitDirEntry(current)[0];
    if (!Files.exists(Path.of(parent))) {
      throw new CliException("stat " + parent + ": no such file or directory");
    }
    if (!Files.isDirectory(Path.of(parent))) {
      throw new CliException("not a directory");
    }
    return new Destination(current, false, false);
  }

  /** {@code ValidateOutputPath}: the destination's directory must exist. */
  static void validateOutput(String path) {
    String dir = CopyPaths.dir(CopyPaths.clean(path));
    if (!dir.equals(".") && !Files.exists(Path.of(dir))) {
      throw new CliException("invalid output path: directory \"" + dir + "\" does not exist");
    }
  }

  private static String realPath(String path) {
    try {
      return Path.of(path).toRealPath().toString();
    } catch (NoSuchFileException | NotDirectoryException e) {
      throw new CliException("lstat " + CopyPaths.clean(path) + ": no such file or directory");
    } catch (IOException e) {
      throw new CliException(e.getMessage());
    }
  }
}
