package io.jdocker.cli.archive;

/** One tar header: the fields {@code docker cp} needs. {@code type} is the tar type flag. */
public record TarEntry(String name, int mode, long uid, long gid, long size, long mtimeSeconds, char type, String linkName) {
  public static final char FILE = '0';
  public static final char HARD_LINK = '1';
  public static final char SYMLINK = '2';
  public static final char DIRECTORY = '5';

  public boolean isDirectory() {
    return type == DIRECTORY;
  }

  public TarEntry withName(String newName, String newLinkName) {
    return new TarEntry(newName, mode, uid, gid, size, mtimeSeconds, type, newLinkName);
  }
}
