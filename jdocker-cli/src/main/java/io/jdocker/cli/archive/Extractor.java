package io.jdocker.cli.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * docker's {@code Untar} with {@code NoLchown} and {@code NoOverwriteDirNonDir}, for the host side
 * of {@code cp}: entries are renamed, then refused when they would land outside the destination,
 * when a symlink or hard link would point outside it, or when an existing parent is a symlink
 * leading out of it (so an archive cannot write through a link it planted).
 */
public final class Extractor {
  private final Path dest;
  private final Path realDest;
  /** Directories get their times last, since extracting into them changes them (docker does the same). */
  private final List<Map.Entry<Path, Long>> directoryTimes = new ArrayList<>();

  private Extractor(Path dest) throws IOException {
    this.dest = dest;
    this.realDest = dest.toRealPath();
  }

  public static void extract(InputStream archive, String destDir, UnaryOperator<String> rename) throws IOException {
    new Extractor(Path.of(destDir)).run(new TarInput(archive), rename);
  }

  private void run(TarInput tar, UnaryOperator<String> rename) throws IOException {
    for (TarEntry e = tar.next(); e != null; e = tar.next()) {
      String name = CopyPaths.clean(rename.apply(e.name()));
      if (name.startsWith("/")) {
        name = CopyPaths.clean(name.substring(1)); // Go's filepath.Join(dest, "/x") stays inside dest
      }
      if (name.equals("..") || name.startsWith("../")) {
        throw new IOException("\"" + e.name() + "\" is outside of \"" + dest + "\"");
      }
      Path path = name.equals(".") ? dest : dest.resolve(name);
      Path parent = path.equals(dest) ? dest : path.getParent();
      if (!Files.exists(parent, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(parent);
      }
      if (!parent.toRealPath().startsWith(realDest)) {
        throw new IOException("\"" + e.name() + "\" is outside of \"" + dest + "\"");
      }
      if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
        boolean isDir = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
        if (isDir && !e.isDirectory()) {
          throw new IOException("cannot overwrite directory \"" + path + "\" with non-directory \"" + dest + "\"");
        }
        if (!isDir && e.isDirectory()) {
          throw new IOException("cannot overwrite non-directory \"" + path + "\" with directory \"" + dest + "\"");
        }
        if (isDir && name.equals(".")) {
          continue;
        }
        if (!isDir) {
          Files.delete(path);
        }
      }
      create(e, path, tar.content());
    }
    for (Map.Entry<Path, Long> dir : directoryTimes.reversed()) {
      setTime(dir.getKey(), dir.getValue());
    }
  }

  private static void setTime(Path path, long seconds) throws IOException {
    FileTime time = FileTime.fromMillis(seconds * 1000);
    Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setTimes(time, time, null);
  }

  private void create(TarEntry e, Path path, InputStream content) throws IOException {
    switch (e.type()) {
      case TarEntry.DIRECTORY -> {
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectory(path);
        }
      }
      case TarEntry.FILE -> Files.copy(content, path, StandardCopyOption.REPLACE_EXISTING);
      case TarEntry.SYMLINK -> {
        String target = CopyPaths.clean(path.getParent() + "/" + e.linkName());
        if (!(target + "/").startsWith(dest.toString().replaceAll("/*$", "/"))) {
          throw new IOException("invalid symlink \"" + path + "\" -> \"" + e.linkName() + "\"");
        }
        Files.createSymbolicLink(path, Path.of(e.linkName()));
        setTime(path, e.mtimeSeconds());
        return;
      }
      case TarEntry.HARD_LINK -> {
        Path target = dest.resolve(CopyPaths.clean(e.linkName())).normalize();
        if (!target.startsWith(dest) || !target.toRealPath().startsWith(realDest)) {
          throw new IOException("invalid hardlink \"" + target + "\" -> \"" + e.linkName() + "\"");
        }
        try {
          Files.createLink(path, target);
        } catch (FileAlreadyExistsException ex) {
          throw new IOException(ex);
        }
        return;
      }
      default -> {
        return; // devices, fifos: docker would need privileges the CLI should not assume
      }
    }
    Files.setPosixFilePermissions(path, permissions(e.mode()));
    if (e.isDirectory()) {
      directoryTimes.add(Map.entry(path, e.mtimeSeconds()));
    } else {
      setTime(path, e.mtimeSeconds());
    }
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
    for (int bit = 0; bit < 9; bit++) {
      if ((mode & (1 << bit)) != 0) {
        set.add(order[bit]);
      }
    }
    return set;
  }
}
