package io.jdocker.linux.testing;

import io.jdocker.linux.FileStat;
import io.jdocker.linux.FileSystemCalls;
import io.jdocker.linux.errno.Errno;
import io.jdocker.linux.errno.SyscallException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A {@link FileSystemCalls} fake for tests: it records every call and, instead of the kernel,
 * keeps what the calls set in memory. {@code mknod} creates an empty regular file (so the tree
 * stays walkable by Java) and remembers the node type and device; {@code lstat} reports the JDK's
 * view of the path overlaid with everything recorded for it. Needs no root.
 *
 * <p>With a delegate it records and then forwards to the real calls instead.
 */
public final class RecordingFileSystemCalls implements FileSystemCalls {

  /** One recorded call, e.g. {@code Call("mknod", /t/a, List.of(020000, 0, 0))}. */
  public record Call(String name, Path path, List<Object> args) {
    @Override
    public String toString() {
      return name + "(" + path + (args.isEmpty() ? "" : ", ") + args.stream().map(Call::show).collect(Collectors.joining(", ")) + ")";
    }

    private static String show(Object arg) {
      return arg instanceof byte[] b ? Arrays.toString(b) : String.valueOf(arg);
    }
  }

  private record Node(int type, int major, int minor) {}

  private final FileSystemCalls delegate;
  private final List<Call> calls = new ArrayList<>();
  private final Map<Path, Node> nodes = new HashMap<>();
  private final Map<Path, Map<String, byte[]>> xattrs = new HashMap<>();
  private final Map<Path, int[]> owners = new HashMap<>();
  private final Map<Path, Integer> modes = new HashMap<>();
  private final Map<Path, Long> mtimes = new HashMap<>();

  /** A pure fake that touches only the files it must create for {@code mknod}. */
  public RecordingFileSystemCalls() {
    this.delegate = null;
  }

  /** Records each call, then makes it through {@code delegate}. */
  public RecordingFileSystemCalls(FileSystemCalls delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The recorded calls named {@code name}. */
  public synchronized List<Call> calls(String name) {
    return calls.stream().filter(c -> c.name().equals(name)).toList();
  }

  private synchronized void record(String name, Path path, Object... args) {
    calls.add(new Call(name, path, Arrays.asList(args)));
  }

  @Override
  public void mknod(Path path, int mode, int major, int minor) throws SyscallException {
    record("mknod", path, mode, major, minor);
    if (delegate != null) {
      delegate.mknod(path, mode, major, minor);
      return;
    }
    try {
      Files.createFile(path);
    } catch (IOException e) {
      throw new SyscallException("mknod", path.toString(), Files.exists(path, LinkOption.NOFOLLOW_LINKS) ? Errno.EEXIST : Errno.ENOENT);
    }
    synchronized (this) {
      nodes.put(path, new Node(mode & FileStat.S_IFMT, major, minor));
      modes.put(path, mode & 07777);
    }
  }

  @Override
  public void symlink(String target, Path link) throws SyscallException {
    record("symlink", link, target);
    if (delegate != null) {
      delegate.symlink(target, link);
      return;
    }
    try {
      Files.createSymbolicLink(link, link.getFileSystem().getPath(target));
    } catch (IOException e) {
      throw new SyscallException("symlink", link.toString(), Files.exists(link, LinkOption.NOFOLLOW_LINKS) ? Errno.EEXIST : Errno.ENOENT);
    }
  }

  @Override
  public void lsetxattr(Path path, String name, byte[] value) throws SyscallException {
    record("lsetxattr", path, name, value.clone());
    if (delegate != null) {
      delegate.lsetxattr(path, name, value);
      return;
    }
    requireExists("lsetxattr", path);
    synchronized (this) {
      xattrs.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(name, value.clone());
    }
  }

  @Override
  public byte[] lgetxattr(Path path, String name) throws SyscallException {
    record("lgetxattr", path, name);
    if (delegate != null) {
      return delegate.lgetxattr(path, name);
    }
    requireExists("lgetxattr", path);
    synchronized (this) {
      byte[] value = xattrs.getOrDefault(path, Map.of()).get(name);
      return value == null ? null : value.clone();
    }
  }

  @Override
  public List<String> llistxattr(Path path) throws SyscallException {
    record("llistxattr", path);
    if (delegate != null) {
      return delegate.llistxattr(path);
    }
    requireExists("llistxattr", path);
    synchronized (this) {
      return List.copyOf(xattrs.getOrDefault(path, Map.of()).keySet());
    }
  }

  @Override
  public void lchown(Path path, int uid, int gid) throws SyscallException {
    record("lchown", path, uid, gid);
    if (delegate != null) {
      delegate.lchown(path, uid, gid);
      return;
    }
    requireExists("lchown", path);
    synchronized (this) {
      owners.put(path, new int[] {uid, gid});
    }
  }

  @Override
  public void chmod(Path path, int mode) throws SyscallException {
    record("chmod", path, mode);
    if (delegate != null) {
      delegate.chmod(path, mode);
      return;
    }
    requireExists("chmod", path);
    synchronized (this) {
      modes.put(path, mode & 07777);
    }
  }

  @Override
  public void utimensat(Path path, long atimeNanos, long mtimeNanos, boolean noFollow)
      throws SyscallException {
    record("utimensat", path, atimeNanos, mtimeNanos, noFollow);
    if (delegate != null) {
      delegate.utimensat(path, atimeNanos, mtimeNanos, noFollow);
      return;
    }
    requireExists("utimensat", path);
    synchronized (this) {
      mtimes.put(path, mtimeNanos);
    }
  }

  @Override
  public FileStat lstat(Path path) throws SyscallException {
    if (delegate != null) {
      return delegate.lstat(path);
    }
    BasicFileAttributes basic = requireExists("lstat", path);
    Object key = basic.fileKey();
    int type =
        basic.isDirectory() ? FileStat.S_IFDIR
            : basic.isSymbolicLink() ? FileStat.S_IFLNK
            : basic.isRegularFile() ? FileStat.S_IFREG
            : FileStat.S_IFIFO;
    synchronized (this) {
      Node node = nodes.get(path);
      int[] owner = owners.getOrDefault(path, new int[] {0, 0});
      int perms = modes.getOrDefault(path, basic.isSymbolicLink() ? 0777 : 0644);
      long mtime = mtimes.getOrDefault(path, basic.lastModifiedTime().to(TimeUnit.NANOSECONDS));
      return new FileStat(
          (node == null ? type : node.type()) | perms,
          owner[0],
          owner[1],
          0,
          key == null ? path.hashCode() : key.hashCode(),
          1,
          basic.size(),
          node == null ? 0 : node.major(),
          node == null ? 0 : node.minor(),
          mtime);
    }
  }

  private static BasicFileAttributes requireExists(String call, Path path) throws SyscallException {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new SyscallException(call, path.toString(), Errno.ENOENT);
    }
  }
}
