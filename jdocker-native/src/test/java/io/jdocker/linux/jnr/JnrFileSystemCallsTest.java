package io.jdocker.linux.jnr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.linux.FileStat;
import io.jdocker.linux.errno.Errno;
import io.jdocker.linux.errno.SyscallException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JnrFileSystemCallsTest {
  private final JnrFileSystemCalls fs = JnrFileSystemCalls.instance();

  @TempDir Path dir;

  @Test
  void mknodInMissingDirectoryNamesCallPathAndErrno() {
    Path path = dir.resolve("missing/node");
    SyscallException e =
        assertThrows(SyscallException.class, () -> fs.mknod(path, FileStat.S_IFCHR, 0, 0));
    assertEquals("mknod(" + path + "): ENOENT (No such file or directory)", e.getMessage());
    assertEquals(Errno.ENOENT, e.errno());
  }

  @Test
  void mknodMakesWhiteoutDeviceAndFifo() throws Exception {
    Path whiteout = dir.resolve("wh");
    fs.mknod(whiteout, FileStat.S_IFCHR, 0, 0);
    FileStat stat = fs.lstat(whiteout);
    assertTrue(stat.isOverlayWhiteout(), stat.toString());

    Path tty = dir.resolve("tty");
    fs.mknod(tty, FileStat.S_IFCHR | 0620, 5, 300);
    FileStat ttyStat = fs.lstat(tty);
    assertEquals(5, ttyStat.rdevMajor());
    assertEquals(300, ttyStat.rdevMinor());

    Path fifo = dir.resolve("fifo");
    fs.mknod(fifo, FileStat.S_IFIFO | 0600, 0, 0);
    assertEquals(FileStat.S_IFIFO, fs.lstat(fifo).type());
  }

  @Test
  void xattrsRoundTripOnSymlinkItselfAndAbsentIsNull() throws Exception {
    Path file = Files.writeString(dir.resolve("f"), "x");
    byte[] value = {1, 0, 0, 2, (byte) 0x80, 0, 0, 0};
    fs.lsetxattr(file, "user.bin", value);
    fs.lsetxattr(file, "trusted.overlay.opaque", "y".getBytes(StandardCharsets.UTF_8));
    assertArrayEquals(value, fs.lgetxattr(file, "user.bin"));
    assertTrue(fs.llistxattr(file).containsAll(java.util.List.of("user.bin", "trusted.overlay.opaque")));
    assertNull(fs.lgetxattr(file, "user.absent"));
    SyscallException e =
        assertThrows(SyscallException.class, () -> fs.lgetxattr(dir.resolve("nope"), "user.x"));
    assertEquals(Errno.ENOENT, e.errno());
  }

  @Test
  void chmodKeepsSpecialBitsAfterLchown() throws Exception {
    Path file = Files.writeString(dir.resolve("suid"), "x");
    fs.lchown(file, 1000, 1000);
    fs.chmod(file, 04755);
    FileStat stat = fs.lstat(file);
    assertEquals(04755, stat.permissions());
    assertEquals(1000, stat.uid());
    assertEquals(1000, stat.gid());
  }

  @Test
  void utimensatSetsSymlinkOwnTimeWithoutTouchingTarget() throws Exception {
    Path target = Files.writeString(dir.resolve("target"), "x");
    Path link = Files.createSymbolicLink(dir.resolve("link"), target);
    long targetBefore = fs.lstat(target).mtimeNanos();
    fs.utimensat(link, 1_000_000_000_123L, 1_500_000_000_000_000_007L, true);
    assertEquals(1_500_000_000_000_000_007L, fs.lstat(link).mtimeNanos());
    assertEquals(targetBefore, fs.lstat(target).mtimeNanos());
  }

  @Test
  void devNumbersEncodeLikeGlibc() {
    long dev = FileStat.makedev(259, 70000);
    assertEquals(259, FileStat.major(dev));
    assertEquals(70000, FileStat.minor(dev));
    assertEquals(0x0501L, FileStat.makedev(5, 1));
  }
}
