package io.jdocker.daemon.archive;

import io.jdocker.image.layer.ArchiveXattrs;
import io.jdocker.image.layer.TarEntry;
import io.jdocker.image.layer.TarWriter;
import io.jdocker.linux.FileStat;
import io.jdocker.linux.FileSystemCalls;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Writes one resource of a container (file, directory tree, symlink, device, FIFO) as the tar
 * {@code GET /containers/{id}/archive} returns, like Docker's {@code TarResourceRebase}: the
 * resource's own entry is renamed to the requested name ({@code hostname}, {@code www/} then
 * {@code www/index.html}, {@code ./} then {@code ./a.txt} for {@code /www/.}; the root's children
 * are {@code /etc/}...).
 *
 * <p>Modes (with setuid, setgid, sticky), owners, whole-second modification times, extended
 * attributes (except overlayfs' {@code trusted.overlay.*} and the host's SELinux label), symlinks
 * (never followed), FIFOs and devices are kept. A file seen again by device and inode becomes a
 * hard link to its first name. Sockets are skipped, and so is anything that vanishes during the
 * walk (a running container changes under us), as Docker does.
 */
public final class ArchiveReader {
  private static final int BUFFER = 256 * 1024;

  private final FileSystemCalls fs;
  private final Predicate<Path> skipContents;

  /**
   * @param skipContents directories whose contents are left out (their own entry stays), e.g. a
   *     running container's {@code /proc} and {@code /sys} mounts
   */
  public ArchiveReader(FileSystemCalls fs, Predicate<Path> skipContents) {
    this.fs = Objects.requireNonNull(fs, "fs");
    this.skipContents = Objects.requireNonNull(skipContents, "skipContents");
  }

  /**
   * Writes the tar of {@code resource} (a final symlink is archived as the link) to {@code out},
   * which is flushed but not closed.
   *
   * @param topName the name of the resource's own entry; "/" names the children {@code /x}
   */
  public void write(Path resource, String topName, OutputStream out) throws IOException {
    BufferedOutputStream buffered = new BufferedOutputStream(out, BUFFER);
    Run run = new Run(new TarWriter(buffered));
    FileStat stat = fs.lstat(resource);
    run.add(resource, topName.equals("/") ? "" : topName, stat);
    run.tar.finish();
  }

  private record Inode(long device, long inode) {}

  private final class Run {
    final TarWriter tar;
    final Map<Inode, String> firstNames = new HashMap<>();
    final byte[] buffer = new byte[BUFFER];

    Run(TarWriter tar) {
      this.tar = tar;
    }

    void add(Path path, String name, FileStat stat) throws IOException {
      if (!stat.isDirectory() && stat.nlink() > 1) {
        String first = firstNames.putIfAbsent(new Inode(stat.device(), stat.inode()), name);
        if (first != null) {
          header(entry(path, name, TarEntry.TYPE_HARDLINK, first, stat, Map.of()));
          return;
        }
      }
      switch (stat.type()) {
        case FileStat.S_IFDIR -> directory(path, name, stat);
        case FileStat.S_IFREG -> file(path, name, stat);
        case FileStat.S_IFLNK ->
            header(entry(path, name, TarEntry.TYPE_SYMLINK, Files.readSymbolicLink(path).toString(), stat, ArchiveXattrs.of(fs, path)));
        case FileStat.S_IFCHR -> header(entry(path, name, TarEntry.TYPE_CHAR, "", stat, ArchiveXattrs.of(fs, path)));
        case FileStat.S_IFBLK -> header(entry(path, name, TarEntry.TYPE_BLOCK, "", stat, ArchiveXattrs.of(fs, path)));
        case FileStat.S_IFIFO -> header(entry(path, name, TarEntry.TYPE_FIFO, "", stat, ArchiveXattrs.of(fs, path)));
        default -> { } // sockets cannot be archived
      }
    }

    private void directory(Path dir, String name, FileStat stat) throws IOException {
      header(entry(dir, name + "/", TarEntry.TYPE_DIR, "", stat, ArchiveXattrs.of(fs, dir)));
      if (skipContents.test(dir)) {
        return;
      }
      for (String child : sortedChildren(dir)) {
        Path path = dir.resolve(child);
        FileStat childStat = ScopedPath.lstatOrNull(fs, path);
        if (childStat != null) {
          add(path, name + "/" + child, childStat);
        }
      }
    }

    private void file(Path path, String name, FileStat stat) throws IOException {
      InputStream in;
      try {
        in = Files.newInputStream(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException vanished) {
        return;
      }
      try (in) {
        TarEntry entry = entry(path, name, TarEntry.TYPE_FILE, "", stat, ArchiveXattrs.of(fs, path));
        tar.begin(entry);
        long left = entry.size();
        int n;
        while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
          tar.write(buffer, 0, n);
          left -= n;
        }
        tar.end(entry);
      }
    }

    private void header(TarEntry entry) throws IOException {
      tar.begin(entry);
      tar.end(entry);
    }

    private TarEntry entry(Path path, String name, char type, String link, FileStat stat, Map<String, byte[]> xattrs) {
      long size = type == TarEntry.TYPE_FILE ? stat.size() : 0;
      long seconds = Math.floorDiv(stat.mtimeNanos(), 1_000_000_000L) * 1_000_000_000L;
      return new TarEntry(name, type, link, stat.permissions(), stat.uid(), stat.gid(), size,
          seconds, -1, stat.rdevMajor(), stat.rdevMinor(), xattrs);
    }
  }

  private static List<String> sortedChildren(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
      for (Path child : children) {
        names.add(child.getFileName().toString());
      }
    } catch (NoSuchFileException vanished) {
      return List.of();
    }
    names.sort(null);
    return names;
  }
}
