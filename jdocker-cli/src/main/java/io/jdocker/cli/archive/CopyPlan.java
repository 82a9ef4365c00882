package io.jdocker.cli.archive;

import java.util.function.UnaryOperator;

/**
 * docker's {@code PrepareArchiveCopy}: from what is known of the source and the destination,
 * the directory to extract into and how the archive's entry names must change so that the copy
 * lands where {@code cp} promises (file→file renames, dir→new dir renames, into existing dirs as is).
 */
public record CopyPlan(String extractDir, UnaryOperator<String> rename) {
  /**
   * {@code srcRebaseName} is the name the source's entries already carry when it differs from its
   * path's base (a followed symlink); empty otherwise. Throws IllegalArgumentException with docker's
   * message when the copy is impossible.
   */
  public static CopyPlan prepare(String srcPath, boolean srcIsDir, String srcRebaseName, String dstPath,
      boolean dstExists, boolean dstIsDir) {
    String[] dst = CopyPaths.splitDirEntry(dstPath);
    String srcBase = CopyPaths.splitDirEntry(srcPath)[1];
    if (srcRebaseName != null && !srcRebaseName.isEmpty()) {
      srcBase = srcRebaseName;
    }
    String from = srcBase;
    String to = dst[1];
    if (dstExists && dstIsDir) {
      return new CopyPlan(dstPath, UnaryOperator.identity());
    }
    if (dstExists && srcIsDir) {
      throw new IllegalArgumentException("cannot copy directory");
    }
    if (!dstExists && !srcIsDir && CopyPaths.assertsDirectory(dstPath)) {
      throw new IllegalArgumentException("no such directory");
    }
    return new CopyPlan(dst[0], name -> CopyPaths.rebase(name, from, to));
  }
}
