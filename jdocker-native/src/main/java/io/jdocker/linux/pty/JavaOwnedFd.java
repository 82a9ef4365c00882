package io.jdocker.linux.pty;

import io.jdocker.linux.errno.SyscallException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Hands a native fd over to a {@link RandomAccessFile}, so that plain java.io streams read and
 * write it and Java owns its closing.
 *
 * <p>Why not the obvious ways: building a {@code FileDescriptor} around an int needs reflection
 * into java.base (refused without --add-opens), and reopening {@code /proc/self/fd/N} of a pty
 * master opens /dev/ptmx again, which allocates a <em>new</em> pty. Instead Java opens a
 * throwaway temp file, we find which fd that became by its unique name in /proc/self/fd, and
 * dup3 atomically puts the native fd in its place.
 */
final class JavaOwnedFd {
  private static final int O_CLOEXEC = 0x80000;
  private static final Path PROC_SELF_FD = Path.of("/proc/self/fd");

  private JavaOwnedFd() {}

  /** The adopted file and its fd number; {@code nativeFd} is always closed. */
  record Adopted(RandomAccessFile file, int fd) {}

  static Adopted adopt(PtySyscalls syscalls, int nativeFd) throws IOException {
    Path placeholder = null;
    RandomAccessFile file = null;
    try {
      placeholder = Files.createTempFile("jdocker-fd-", ".placeholder");
      file = new RandomAccessFile(placeholder.toFile(), "rw");
      int fd = find(placeholder.toAbsolutePath().toString());
      syscalls.dup3(nativeFd, fd, O_CLOEXEC);
      Adopted adopted = new Adopted(file, fd);
      file = null;
      return adopted;
    } finally {
      syscalls.close(nativeFd);
      if (file != null) {
        file.close();
      }
      if (placeholder != null) {
        Files.deleteIfExists(placeholder);
      }
    }
  }

  private static int find(String target) throws IOException {
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(PROC_SELF_FD)) {
      for (Path fd : fds) {
        try {
          if (Files.readSymbolicLink(fd).toString().equals(target)) {
            return Integer.parseInt(fd.getFileName().toString());
          }
        } catch (IOException e) {
          // Closed by another thread while we looked (or our own directory fd): not ours.
        }
      }
    }
    throw new SyscallException("open", target, io.jdocker.linux.errno.Errno.ENOENT);
  }
}
