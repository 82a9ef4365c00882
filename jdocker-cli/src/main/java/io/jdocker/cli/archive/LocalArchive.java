package io.jdocker.cli.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * docker's {@code TarResourceRebase} for the host side of {@code cp}: archives one file or directory
 * tree (symlinks not followed, hard links kept as links, entries in name order) with entry names
 * relative to its parent, each passed through {@code rename}.
 */
public final class LocalArchive {
  private final TarOutput tar;
  private final UnaryOperator<String> rename;
  private final Map<String, String> seenInodes = new HashMap<>();

  private LocalArchive(TarOutput tar, UnaryOperator<String> rename) {
    this.tar = tar;
    this.rename = rename;
  }

  /** Writes the archive of {@code sourcePath} to {@code out} and ends it. */
  public static void write(String sourcePath, UnaryOperator<String> rename, OutputStream out) throws IOException {
    String[] dirEntry = CopyPaths.splitDirEntry(sourcePath);
    try (TarOutput tar = new TarOutput(out)) {
      LocalArchive archive = new LocalArchive(tar, rename);
      Path root = Path.of(dirEntry[0]).resolve(dirEntry[1]);
      archive.add(root, dirEntry[1]);
    }
  }

  private void add(Path path, String name) throws IOException {
    Map<String, Object> a = Files.readAttributes(path, "unix:mode,uid,gid,ino,dev,nlink,size,lastModifiedTime",
        LinkOption.NOFOLLOW_LINKS);
    int mode = (Integer) a.get("mode");
    long mtime = ((FileTime) a.get("lastModifiedTime")).toMillis() / 1000;
    long uid = ((Integer) a.get("uid")).longValue();
    long gid = ((Integer) a.get("gid")).longValue();
    int kind = mode & 0170000;
    if (kind == 0040000) {
      String dirName = name.endsWith("/") ? name : name + "/";
      tar.write(new TarEntry(rename.apply(dirName), mode, uid, gid, 0, mtime, TarEntry.DIRECTORY, ""), null);
      List<Path> children;
      try (Stream<Path> list = Files.list(path)) {
        children = list.sorted().toList();
      }
      for (Path child : children) {
        add(child, dirName + child.getFileName());
      }
    } else if (kind == 0120000) {
      String target = Files.readSymbolicLink(path).toString();
      tar.write(new TarEntry(rename.apply(name), mode, uid, gid, 0, mtime, TarEntry.SYMLINK, target), null);
    } else if (kind == 0100000) {
      String inode = a.get("dev") + ":" + a.get("ino");
      String first = (Integer) a.get("nlink") > 1 ? seenInodes.putIfAbsent(inode, name) : null;
      if (first != null) {
        tar.write(new TarEntry(rename.apply(name), mode, uid, gid, 0, mtime, TarEntry.HARD_LINK, rename.apply(first)), null);
        return;
      }
      long size = (Long) a.get("size");
      try (InputStream content = Files.newInputStream(path)) {
        tar.write(new TarEntry(rename.apply(name), mode, uid, gid, size, mtime, TarEntry.FILE, ""), content);
      }
    }
    // sockets, fifos and devices are left out: the daemon's side has no use for them in a copy
  }
}
