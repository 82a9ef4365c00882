package io.jdocker.cli.archive;

/** The path rules of docker's {@code pkg/archive} copy helpers, on slash-separated strings (Go's filepath semantics). */
public final class CopyPaths {
  private CopyPaths() {}

  /** Go's {@code filepath.Clean}. */
  public static String clean(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    boolean absolute = path.startsWith("/");
    java.util.Deque<String> parts = new java.util.ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
          parts.removeLast();
        } else if (!absolute) {
          parts.addLast("..");
        }
        continue;
      }
      parts.addLast(part);
    }
    String joined = String.join("/", parts);
    return absolute ? "/" + joined : joined.isEmpty() ? "." : joined;
  }

  /** Go's {@code filepath.Dir}. */
  public static String dir(String path) {
    int slash = path.lastIndexOf('/');
    return clean(slash < 0 ? "." : path.substring(0, slash + 1));
  }

  /** Go's {@code filepath.Base}. */
  public static String base(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    String trimmed = path.replaceAll("/+$", "");
    if (trimmed.isEmpty()) {
      return "/";
    }
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  public static boolean hasTrailingSeparator(String path) {
    return path.endsWith("/");
  }

  public static boolean specifiesCurrentDir(String path) {
    return base(path).equals(".");
  }

  /** The path names a directory: it ends in a separator or in {@code .}. */
  public static boolean assertsDirectory(String path) {
    return hasTrailingSeparator(path) || specifiesCurrentDir(path);
  }

  /** {@code SplitPathDirEntry}: the directory and the entry in it, keeping a final {@code .}. */
  public static String[] splitDirEntry(String path) {
    String cleaned = clean(path);
    if (specifiesCurrentDir(path)) {
      cleaned += "/.";
    }
    return new String[] {dir(cleaned), base(cleaned)};
  }

  /** {@code strings.Replace(name, oldBase, newBase, 1)}, with the root as an empty old base (RebaseArchiveEntries). */
  public static String rebase(String name, String oldBase, String newBase) {
    String old = oldBase.equals("/") ? "" : oldBase;
    int at = name.indexOf(old);
    return at < 0 ? name : name.substring(0, at) + newBase + name.substring(at + old.length());
  }
}
