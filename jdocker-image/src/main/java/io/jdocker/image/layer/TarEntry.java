package io.jdocker.image.layer;

import java.util.Map;
import java.util.Objects;

/**
 * One tar header after GNU long names and PAX records have been applied: the entry as the archive
 * means it, not yet checked against any filesystem.
 *
 * @param name the path as written in the archive (not cleaned)
 * @param type one of the {@code TYPE_*} flags; V7 regular files ({@code '\0'}) are normalised
 * @param mode permission bits with setuid/setgid/sticky ({@code 07777})
 * @param size bytes of content that follow the header (0 for header-only types)
 * @param mtimeNanos modification time in nanoseconds since the epoch
 * @param atimeNanos access time from PAX, or -1 when the archive has none
 * @param xattrs {@code SCHILY.xattr.*} records, with raw byte values (capabilities are binary)
 */
public record TarEntry(
    String name,
    char type,
    String linkName,
    int mode,
    int uid,
    int gid,
    long size,
    long mtimeNanos,
    long atimeNanos,
    int devMajor,
    int devMinor,
    Map<String, byte[]> xattrs) {

  public static final char TYPE_FILE = '0';
  public static final char TYPE_HARDLINK = '1';
  public static final char TYPE_SYMLINK = '2';
  public static final char TYPE_CHAR = '3';
  public static final char TYPE_BLOCK = '4';
  public static final char TYPE_DIR = '5';
  public static final char TYPE_FIFO = '6';
  public static final char TYPE_CONTIGUOUS = '7';

  public TarEntry {
    Objects.requireNonNull(name, "name");
    linkName = linkName == null ? "" : linkName;
    xattrs = xattrs == null ? Map.of() : xattrs;
  }

  public boolean isRegularFile() {
    return type == TYPE_FILE || type == TYPE_CONTIGUOUS;
  }

  public boolean isDirectory() {
    return type == TYPE_DIR;
  }

  /** Types whose size field says nothing about following data (as Go's archive/tar reads them). */
  static boolean isHeaderOnly(char type) {
    return type == TYPE_HARDLINK
        || type == TYPE_SYMLINK
        || type == TYPE_CHAR
        || type == TYPE_BLOCK
        || type == TYPE_DIR
        || type == TYPE_FIFO;
  }

  /** A plain directory entry, used by the packer and tests. */
  public static TarEntry directory(String name, int mode, int uid, int gid, long mtimeNanos) {
    return new TarEntry(name, TYPE_DIR, "", mode, uid, gid, 0, mtimeNanos, -1, 0, 0, Map.of());
  }
}
