package io.jdocker.image.layer;

import io.jdocker.errdefs.ConflictException;
import io.jdocker.linux.FileStat;
import io.jdocker.linux.FileSystemCalls;
import io.jdocker.linux.errno.Errno;
import io.jdocker.linux.errno.SyscallException;
import io.jdocker.linux.jnr.JnrFileSystemCalls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.InvalidPathException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts one uncompressed layer tar into its own directory in overlayfs form, ready to be a
 * {@code lowerdir}: {@code .wh.NAME} becomes a character device 0/0 named NAME (removing NAME if
 * this layer had it), and {@code DIR/.wh..wh..opq} becomes {@code trusted.overlay.opaque=y} on DIR.
 * Modes (with setuid, setgid, sticky), owners, modification times (of symlinks too; of directories
 * after their contents), {@code SCHILY.xattr.*} attributes, hard links, symlinks, FIFOs and device
 * nodes are kept.
 *
 * <p>Hostile archives never touch the host outside the target. The rules, each refused with an
 * {@link io.jdocker.errdefs.InvalidParameterException} naming the entry:
 *
 * <ul>
 *   <li>A relative name whose {@code ..} climbs above the root ({@code ../x}, {@code a/../../x}).
 *       Absolute names are taken relative to the root, as Docker does ({@code /etc/x} is written
 *       to {@code TARGET/etc/x}; {@code /../x} to {@code TARGET/x}). See {@link EntryPath}.
 *   <li>A name whose parent is a symlink, whatever the link points at: nothing is written through
 *       a link ({@code evil -> /etc} then {@code evil/passwd}). Parents are checked component by
 *       component without following links ({@link LayerRoot}); a final component that exists is
 *       removed first, and files are opened with {@code O_CREAT|O_EXCL|O_NOFOLLOW}.
 *   <li>A hard link whose target leaves the root, goes through a symlink, does not exist, or is a
 *       directory. Hard links get no metadata of their own: it belongs to the shared inode.
 *   <li>A name or link containing NUL; an empty symlink target. Symlink targets are otherwise kept
 *       verbatim: they are resolved inside the container later, never here.
 *   <li>Device nodes when {@link UnpackOptions#allowDevices()} is false; sparse files; unknown
 *       entry types.
 *   <li>Malformed archives ({@link TarReader}): garbage, bad checksums, a stream that ends inside
 *       a header or an entry's data.
 * </ul>
 *
 * <p>{@link UnpackOptions#forCopy} turns the same checks on a {@code docker cp} archive: whiteout
 * names become ordinary files, devices are refused, a {@code ./} entry is skipped, ownership can be
 * forced and Docker's {@code noOverwriteDirNonDir} applies.
 *
 * <p>{@code trusted.overlay.*} attributes in the archive are dropped: they would steer overlayfs
 * (redirects, origins) and only whiteout markers may set them. The target must be private to the
 * unpack while it runs.
 */
public final class LayerUnpacker {
  private static final Logger log = LoggerFactory.getLogger(LayerUnpacker.class);
  private static final int BUFFER = 1 << 20;

  private final FileSystemCalls fs;
  private final UnpackOptions options;

  public LayerUnpacker(FileSystemCalls fs) {
    this(fs, UnpackOptions.DEFAULT);
  }

  public LayerUnpacker(FileSystemCalls fs, UnpackOptions options) {
    this.fs = Objects.requireNonNull(fs, "fs");
    this.options = Objects.requireNonNull(options, "options");
  }

  /** An unpacker making real syscalls. */
  public static LayerUnpacker create() {
    return new LayerUnpacker(JnrFileSystemCalls.instance());
  }

  public static LayerUnpacker create(UnpackOptions options) {
    return new LayerUnpacker(JnrFileSystemCalls.instance(), options);
  }

  /**
   * Extracts {@code uncompressedTar} into {@code emptyTargetDir} and reads the stream to its end.
   *
   * @return the layer's size as Docker reports it: regular file content plus symlink targets
   */
  public long unpack(InputStream uncompressedTar, Path emptyTargetDir) throws IOException {
    if (!Files.isDirectory(emptyTargetDir, LinkOption.NOFOLLOW_LINKS)) {
      throw new NotDirectoryException(emptyTargetDir.toString());
    }
    Run run = new Run(new TarReader(uncompressedTar), new LayerRoot(emptyTargetDir));
    TarEntry entry;
    while ((entry = run.tar.next()) != null) {
      try {
        run.extract(entry);
      } catch (InvalidPathException e) {
        // The JDK maps names through sun.jnu.encoding, which is ASCII unless the locale is UTF-8.
        throw TarReader.invalid(entry.name(), "name cannot be used on this host: " + e.getReason()
            + " (run the daemon with a UTF-8 locale, e.g. LANG=C.UTF-8)");
      }
    }
    run.applyDirectoryTimes();
    run.tar.drain();
    return run.bytes;
  }

  /** The state of one unpack. */
  private final class Run {
    final TarReader tar;
    final LayerRoot root;
    final byte[] buffer = new byte[BUFFER];
    /** Directory times wait until nothing more is created inside. */
    final Map<Path, TarEntry> directoryTimes = new LinkedHashMap<>();
    long bytes;

    Run(TarReader tar, LayerRoot root) {
      this.tar = tar;
      this.root = root;
    }

    void extract(TarEntry entry) throws IOException {
      EntryPath path = EntryPath.parse(entry.name(), entry.name());
      if (path.isRoot()) {
        if (entry.isDirectory() && !options.rootEntryMetadata()) {
          return;
        }
        if (!entry.isDirectory()) {
          throw TarReader.invalid(entry.name(), "only a directory may name the layer root");
        }
        applyMetadata(root.root(), entry);
        return;
      }
      String base = path.last();
      if (options.whiteouts() && base.startsWith(Whiteouts.PREFIX)) {
        whiteout(path, base, entry);
        return;
      }
      Path dest = root.parentOf(path, entry.name()).resolve(base);
      if (options.noOverwriteDirNonDir()) {
        refuseKindChange(path, dest, entry);
      }
      switch (entry.type()) {
        case TarEntry.TYPE_DIR -> makeDirectory(path, dest);
        case TarEntry.TYPE_FILE, TarEntry.TYPE_CONTIGUOUS -> writeFile(path, dest, entry);
        case TarEntry.TYPE_HARDLINK -> {
          hardLink(path, dest, entry);
          return;
        }
        case TarEntry.TYPE_SYMLINK -> symlink(path, dest, entry);
        case TarEntry.TYPE_CHAR, TarEntry.TYPE_BLOCK -> device(path, dest, entry);
        case TarEntry.TYPE_FIFO -> replacing(path, dest, () -> fs.mknod(dest, FileStat.S_IFIFO | entry.mode(), 0, 0));
        default -> throw TarReader.invalid(entry.name(), "unsupported entry type '" + entry.type() + "'");
      }
      applyMetadata(dest, entry);
    }

    /** Docker's {@code NoOverwriteDirNonDir}: a directory and a non-directory never replace each other. */
    private void refuseKindChange(EntryPath path, Path dest, TarEntry entry) throws IOException {
      BasicFileAttributes existing = LayerRoot.attributes(dest);
      if (existing == null || existing.isDirectory() == entry.isDirectory()) {
        return;
      }
      String target = options.targetName();
      String shown = target.isEmpty() ? path.toString()
          : (target.endsWith("/") ? target : target + "/") + path;
      throw new ConflictException(existing.isDirectory()
          ? "cannot overwrite directory \"" + shown + "\" with non-directory \"" + target + "\""
          : "cannot overwrite non-directory \"" + shown + "\" with directory \"" + target + "\"");
    }

    private void whiteout(EntryPath path, String base, TarEntry entry) throws IOException {
      Path dir = root.parentOf(path, entry.name());
      if (base.equals(Whiteouts.OPAQUE)) {
        fs.lsetxattr(dir, Whiteouts.OPAQUE_XATTR, Whiteouts.OPAQUE_VALUE);
        return;
      }
      if (base.startsWith(Whiteouts.META_PREFIX)) {
        return; // AUFS bookkeeping (.wh..wh.plnk, .wh..wh.aufs): Docker skips it too
      }
      String hidden = base.substring(Whiteouts.PREFIX.length());
      if (hidden.isEmpty() || hidden.equals(".") || hidden.equals("..")) {
        throw TarReader.invalid(entry.name(), "whiteout names no file");
      }
      EntryPath hiddenPath = path.parent().child(hidden);
      Path dest = dir.resolve(hidden);
      replacing(hiddenPath, dest, () -> fs.mknod(dest, FileStat.S_IFCHR, 0, 0));
      fs.lchown(dest, entry.uid(), entry.gid());
      setTimes(dest, entry); // Docker leaves "now"; the archive's time makes pack(unpack(x)) stable
    }

    private void makeDirectory(EntryPath path, Path dest) throws IOException {
      BasicFileAttributes existing = LayerRoot.attributes(dest);
      if (existing == null || !existing.isDirectory()) {
        replacing(path, dest, () -> Files.createDirectory(dest));
      }
      root.remember(path);
    }

    private void writeFile(EntryPath path, Path dest, TarEntry entry) throws IOException {
      replacing(path, dest, () -> {
        try (OutputStream out =
            Files.newOutputStream(
                dest,
                StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
          int n;
          while ((n = tar.read(buffer, 0, buffer.length)) > 0) {
            out.write(buffer, 0, n);
            bytes += n;
          }
        }
      });
    }

    private void hardLink(EntryPath path, Path dest, TarEntry entry) throws IOException {
      if (entry.linkName().isEmpty()) {
        throw TarReader.invalid(entry.name(), "hard link without a target");
      }
      if (entry.linkName().indexOf('\0') >= 0) {
        throw TarReader.invalid(entry.name(), "hard link target contains a NUL byte");
      }
      EntryPath target;
      try {
        target = EntryPath.parse(entry.name(), entry.linkName());
      } catch (io.jdocker.errdefs.InvalidParameterException e) {
        throw TarReader.invalid(entry.name(), "hard link target \"" + entry.linkName().replace("\0", "\\x00") + "\" escapes the layer root");
      }
      if (target.isRoot() || target.equals(path)) {
        throw TarReader.invalid(entry.name(), "hard link to itself or to the layer root");
      }
      Path source = root.directory(target.parent(), entry.name(), false).resolve(target.last());
      BasicFileAttributes attrs = LayerRoot.attributes(source);
      if (attrs == null) {
        throw TarReader.invalid(entry.name(), "hard link target \"" + target + "\" does not exist in the layer");
      }
      if (attrs.isDirectory()) {
        throw TarReader.invalid(entry.name(), "hard link target \"" + target + "\" is a directory");
      }
      // link(2) does not follow a symlink source: the new name shares the link's own inode.
      replacing(path, dest, () -> Files.createLink(dest, source));
    }

    private void symlink(EntryPath path, Path dest, TarEntry entry) throws IOException {
      String target = entry.linkName();
      if (target.isEmpty() || target.indexOf('\0') >= 0) {
        throw TarReader.invalid(entry.name(), "symlink target is empty or contains a NUL byte");
      }
      replacing(path, dest, () -> fs.symlink(target, dest));
      // Docker's layer size counts a symlink as lstat does: the length of its target.
      bytes += target.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    private void device(EntryPath path, Path dest, TarEntry entry) throws IOException {
      if (!options.allowDevices()) {
        throw TarReader.invalid(entry.name(), "device nodes are not allowed here");
      }
      int type = entry.type() == TarEntry.TYPE_CHAR ? FileStat.S_IFCHR : FileStat.S_IFBLK;
      replacing(path, dest, () -> fs.mknod(dest, type | entry.mode(), entry.devMajor(), entry.devMinor()));
    }

    /**
     * Creates with {@code create}; if the name is taken, removes what is there (never following a
     * link) and creates again. A directory kept for a directory entry never gets here.
     */
    private void replacing(EntryPath path, Path dest, Creation create) throws IOException {
      try {
        create.run();
        return;
      } catch (FileAlreadyExistsException e) {
        // fall through
      } catch (SyscallException e) {
        if (e.errno() != Errno.EEXIST) {
          throw e;
        }
      }
      root.forget(path);
      directoryTimes.keySet().removeIf(dir -> dir.startsWith(dest));
      Trees.deleteRecursively(dest);
      create.run();
    }

    private void applyMetadata(Path dest, TarEntry entry) throws IOException {
      boolean symlink = entry.type() == TarEntry.TYPE_SYMLINK;
      UnpackOptions.Owner owner = options.owner();
      // before chmod: chown clears setuid/setgid
      fs.lchown(dest, owner != null ? owner.uid() : entry.uid(), owner != null ? owner.gid() : entry.gid());
      if (!symlink) {
        fs.chmod(dest, entry.mode());
      }
      for (Map.Entry<String, byte[]> xattr : entry.xattrs().entrySet()) {
        setXattr(dest, entry, xattr.getKey(), xattr.getValue());
      }
      if (entry.isDirectory()) {
        directoryTimes.remove(dest);
        directoryTimes.put(dest, entry);
      } else {
        setTimes(dest, entry);
      }
    }

    private void setXattr(Path dest, TarEntry entry, String name, byte[] value) throws IOException {
      if (name.startsWith(Whiteouts.OVERLAY_XATTR_PREFIX)) {
        log.warn("ignoring {} on tar entry \"{}\": overlayfs attributes come only from whiteouts", name, entry.name());
        return;
      }
      try {
        fs.lsetxattr(dest, name, value);
      } catch (SyscallException e) {
        if (e.errno() != Errno.EOPNOTSUPP) {
          throw e;
        }
        log.warn("ignoring xattr {} on tar entry \"{}\": {}", name, entry.name(), e.getMessage());
      }
    }

    private void setTimes(Path dest, TarEntry entry) throws SyscallException {
      long atime = entry.atimeNanos() >= 0 ? entry.atimeNanos() : entry.mtimeNanos();
      fs.utimensat(dest, atime, entry.mtimeNanos(), true);
    }

    void applyDirectoryTimes() throws SyscallException {
      for (Map.Entry<Path, TarEntry> dir : directoryTimes.entrySet()) {
        setTimes(dir.getKey(), dir.getValue());
      }
    }
  }

  @FunctionalInterface
  private interface Creation {
    void run() throws IOException;
  }
}
