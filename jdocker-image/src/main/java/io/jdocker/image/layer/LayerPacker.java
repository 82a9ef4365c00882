package io.jdocker.image.layer;

import io.jdocker.linux.FileStat;
import io.jdocker.linux.FileSystemCalls;
import io.jdocker.linux.jnr.JnrFileSystemCalls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Writes a directory in overlayfs form (an unpacked layer, or a container's upper dir) as a Docker
 * layer tar, the reverse of {@link LayerUnpacker}: character devices 0/0 become empty {@code
 * .wh.NAME} files (mode 0600), directories with {@code trusted.overlay.opaque=y} get a {@code
 * DIR/.wh..wh..opq} entry right after their own.
 *
 * <p>The output is deterministic: names are sorted (each directory before its contents), owner
 * and group names are left empty and modification times are whole seconds, as Docker writes them.
 * The root directory itself is not an entry. Files with more than one link are written once and
 * then as hard links to the first name, found by device and inode. Extended attributes go into PAX
 * {@code SCHILY.xattr.*} records, except overlayfs' own {@code trusted.overlay.*} and the host's
 * {@code security.selinux} label. Sockets are skipped, as Docker skips them.
 */
public final class LayerPacker {
  private static final int BUFFER = 1 << 20;

  private final FileSystemCalls fs;

  public LayerPacker(FileSystemCalls fs) {
    this.fs = Objects.requireNonNull(fs, "fs");
  }

  public static LayerPacker create() {
    return new LayerPacker(JnrFileSystemCalls.instance());
  }

  /** Writes the tar of {@code layerDir} to {@code out}, which is flushed but not closed. */
  public void pack(Path layerDir, OutputStream out) throws IOException {
    pack(layerDir, out, name -> false);
  }

  /**
   * As {@link #pack(Path, OutputStream)}, leaving out each entry {@code skip} accepts, with all
   * under it. {@code skip} sees names relative to {@code layerDir}, without a trailing slash
   * ({@code etc}, {@code etc/hosts}); a container's commit leaves out the runtime's mount points.
   */
  public void pack(Path layerDir, OutputStream out, Predicate<String> skip) throws IOException {
    Run run = new Run(new TarWriter(out), skip);
    if (isOpaque(layerDir)) {
      FileStat root = fs.lstat(layerDir);
      run.tar.begin(opaqueMarker("", root));
      run.tar.end(opaqueMarker("", root));
    }
    run.directory(layerDir, "");
    run.tar.finish();
  }

  private boolean isOpaque(Path dir) throws IOException {
    byte[] value = fs.lgetxattr(dir, Whiteouts.OPAQUE_XATTR);
    return value != null && Arrays.equals(value, Whiteouts.OPAQUE_VALUE);
  }

  private static TarEntry opaqueMarker(String dirName, FileStat dir) {
    return new TarEntry(
        dirName + Whiteouts.OPAQUE, TarEntry.TYPE_FILE, "", dir.permissions() & 0777,
        dir.uid(), dir.gid(), 0, seconds(dir.mtimeNanos()), -1, 0, 0, Map.of());
  }

  private static long seconds(long nanos) {
    return Math.floorDiv(nanos, 1_000_000_000L) * 1_000_000_000L;
  }

  private record Inode(long device, long inode) {}

  private final class Run {
    final TarWriter tar;
    final Predicate<String> skip;
    final Map<Inode, String> firstNames = new HashMap<>();
    final byte[] buffer = new byte[BUFFER];

    Run(TarWriter tar, Predicate<String> skip) {
      this.tar = tar;
      this.skip = skip;
    }

    void directory(Path dir, String prefix) throws IOException {
      for (String child : sortedChildren(dir)) {
        Path path = dir.resolve(child);
        String name = prefix + child;
        if (skip.test(name)) {
          continue;
        }
        FileStat stat = fs.lstat(path);
        if (stat.isOverlayWhiteout()) {
          TarEntry whiteout = new TarEntry(prefix + Whiteouts.PREFIX + child, TarEntry.TYPE_FILE, "", 0600,
              stat.uid(), stat.gid(), 0, seconds(stat.mtimeNanos()), -1, 0, 0, Map.of());
          tar.begin(whiteout);
          tar.end(whiteout);
          continue;
        }
        switch (stat.type()) {
          case FileStat.S_IFDIR -> {
            TarEntry entry = entry(path, name + "/", TarEntry.TYPE_DIR, "", stat, 0);
            tar.begin(entry);
            tar.end(entry);
            if (isOpaque(path)) {
              TarEntry marker = opaqueMarker(name + "/", stat);
              tar.begin(marker);
              tar.end(marker);
            }
            directory(path, name + "/");
          }
          case FileStat.S_IFREG -> file(path, name, stat);
          case FileStat.S_IFLNK -> simple(entry(path, name, TarEntry.TYPE_SYMLINK,
              Files.readSymbolicLink(path).toString(), stat, 0));
          case FileStat.S_IFCHR -> simple(entry(path, name, TarEntry.TYPE_CHAR, "", stat, 0));
          case FileStat.S_IFBLK -> simple(entry(path, name, TarEntry.TYPE_BLOCK, "", stat, 0));
          case FileStat.S_IFIFO -> simple(entry(path, name, TarEntry.TYPE_FIFO, "", stat, 0));
          default -> { } // sockets cannot be archived
        }
      }
    }

    private void file(Path path, String name, FileStat stat) throws IOException {
      if (stat.nlink() > 1) {
        Inode inode = new Inode(stat.device(), stat.inode());
        String first = firstNames.putIfAbsent(inode, name);
        if (first != null) {
          simple(entry(path, name, TarEntry.TYPE_HARDLINK, first, stat, 0));
          return;
        }
      }
      TarEntry entry = entry(path, name, TarEntry.TYPE_FILE, "", stat, stat.size());
      tar.begin(entry);
      long left = entry.size();
      try (InputStream in = Files.newInputStream(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
        int n;
        while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
          tar.write(buffer, 0, n);
          left -= n;
        }
      }
      tar.end(entry);
    }

    private void simple(TarEntry entry) throws IOException {
      tar.begin(entry);
      tar.end(entry);
    }

    private TarEntry entry(Path path, String name, char type, String link, FileStat stat, long size)
        throws IOException {
      return new TarEntry(name, type, link, stat.permissions(), stat.uid(), stat.gid(), size,
          seconds(stat.mtimeNanos()), -1, stat.rdevMajor(), stat.rdevMinor(),
          type == TarEntry.TYPE_HARDLINK ? Map.of() : ArchiveXattrs.of(fs, path));
    }
  }

  private static List<String> sortedChildren(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
      for (Path child : children) {
        names.add(child.getFileName().toString());
      }
    }
    names.sort(null);
    return names;
  }
}
