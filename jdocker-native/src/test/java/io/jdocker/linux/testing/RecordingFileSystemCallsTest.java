package io.jdocker.linux.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.linux.FileStat;
import io.jdocker.linux.errno.Errno;
import io.jdocker.linux.errno.SyscallException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingFileSystemCallsTest {
  @TempDir Path dir;

  @Test
  void fakeRemembersWhatTheCallsSetAndRecordsThem() throws Exception {
    RecordingFileSystemCalls fs = new RecordingFileSystemCalls();
    Path whiteout = dir.resolve("gone");
    fs.mknod(whiteout, FileStat.S_IFCHR, 0, 0);
    fs.lchown(whiteout, 7, 8);
    fs.lsetxattr(dir, "trusted.overlay.opaque", new byte[] {'y'});
    fs.utimensat(whiteout, 1, 2_000_000_000L, true);

    FileStat stat = fs.lstat(whiteout);
    assertTrue(stat.isOverlayWhiteout());
    assertEquals(7, stat.uid());
    assertEquals(2_000_000_000L, stat.mtimeNanos());
    assertArrayEquals(new byte[] {'y'}, fs.lgetxattr(dir, "trusted.overlay.opaque"));
    assertNull(fs.lgetxattr(whiteout, "user.none"));
    assertEquals(List.of("trusted.overlay.opaque"), fs.llistxattr(dir));
    assertEquals(
        List.of("mknod", "lchown", "lsetxattr", "utimensat", "lgetxattr", "lgetxattr", "llistxattr"),
        fs.calls().stream().map(RecordingFileSystemCalls.Call::name).toList());
    assertEquals(List.of(FileStat.S_IFCHR, 0, 0), fs.calls("mknod").getFirst().args());
  }

  @Test
  void fakeFailsLikeTheKernelOnMissingPaths() {
    RecordingFileSystemCalls fs = new RecordingFileSystemCalls();
    SyscallException e = assertThrows(SyscallException.class, () -> fs.lchown(dir.resolve("nope"), 0, 0));
    assertEquals(Errno.ENOENT, e.errno());
    assertThrows(SyscallException.class, () -> fs.mknod(dir.resolve("a/b"), FileStat.S_IFIFO, 0, 0));
  }

  @Test
  void delegatingRecorderForwards() throws Exception {
    RecordingFileSystemCalls inner = new RecordingFileSystemCalls();
    RecordingFileSystemCalls outer = new RecordingFileSystemCalls(inner);
    Path file = Files.writeString(dir.resolve("f"), "x");
    outer.chmod(file, 0600);
    assertEquals(1, inner.calls("chmod").size());
    assertEquals(0600, outer.lstat(file).permissions());
  }
}
