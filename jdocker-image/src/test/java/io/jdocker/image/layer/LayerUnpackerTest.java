package io.jdocker.image.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.linux.FileStat;
import io.jdocker.linux.jnr.JnrFileSystemCalls;
import io.jdocker.linux.testing.RecordingFileSystemCalls;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerUnpackerTest {
  private final JnrFileSystemCalls fs = JnrFileSystemCalls.instance();
  @TempDir Path target;

  private long unpack(TestTar tar) throws IOException {
    return LayerUnpacker.create().unpack(tar.stream(), target);
  }

  @Test
  void whiteoutsBecomeCharDevicesAndOpaqueDirsGetTheXattr() throws IOException {
    unpack(new TestTar()
        .dir("etc")
        .file("etc/.wh.passwd", "", e -> e.setIds(7, 8))
        .dir("var/cache")
        .file("var/cache/.wh..wh..opq", "")
        .file("var/cache/kept", "new"));
    FileStat whiteout = fs.lstat(target.resolve("etc/passwd"));
    assertTrue(whiteout.isOverlayWhiteout(), whiteout.toString());
    assertEquals(7, whiteout.uid());
    assertEquals(8, whiteout.gid());
    assertFalse(Files.exists(target.resolve("etc/.wh.passwd")));
    assertArrayEquals("y".getBytes(StandardCharsets.UTF_8), fs.lgetxattr(target.resolve("var/cache"), "trusted.overlay.opaque"));
    assertFalse(Files.exists(target.resolve("var/cache/.wh..wh..opq")));
    assertEquals("new", Files.readString(target.resolve("var/cache/kept")));
    assertNull(fs.lgetxattr(target.resolve("etc"), "trusted.overlay.opaque"));
  }

  @Test
  void sizeCountsFileContentAndSymlinkTargetsAsDockerDoes() throws IOException {
    long size = unpack(new TestTar().dir("bin").file("bin/busybox", "12345")
        .symlink("bin/sh", "busybox").file("etc/.wh.gone", ""));
    assertEquals(5 + "busybox".length(), size);
  }

  @Test
  void whiteoutReplacesAFileOfTheSameLayer() throws IOException {
    unpack(new TestTar().file("gone", "x").file(".wh.gone", ""));
    assertTrue(fs.lstat(target.resolve("gone")).isOverlayWhiteout());
  }

  @Test
  void keepsModesOwnersAndSpecialBits() throws IOException {
    unpack(new TestTar()
        .dir("tmp", 01777, 0, 0)
        .file("bin/su", "suid", e -> { e.setMode(0104755); e.setIds(1000, 1000); })
        .file("bin/sgid", "sgid", e -> e.setMode(0102711)));
    FileStat su = fs.lstat(target.resolve("bin/su"));
    assertEquals(04755, su.permissions());
    assertEquals(1000, su.uid());
    assertEquals(1000, su.gid());
    assertEquals(01777, fs.lstat(target.resolve("tmp")).permissions());
    assertEquals(02711, fs.lstat(target.resolve("bin/sgid")).permissions());
    assertEquals(0755, fs.lstat(target.resolve("bin")).permissions(), "implicit parents are 0755");
  }

  @Test
  void keepsMtimesOfFilesSymlinksAndDirectoriesAfterTheirContents() throws IOException {
    Date old = Date.from(Instant.parse("2001-02-03T04:05:06Z"));
    unpack(new TestTar()
        .add(withTime(new TarArchiveEntry("d/"), old), null)
        .file("d/f", "x", e -> e.setModTime(old))
        .add(withTime(symlinkEntry("d/l", "f"), old), null));
    long nanos = old.getTime() * 1_000_000L;
    assertEquals(nanos, fs.lstat(target.resolve("d")).mtimeNanos());
    assertEquals(nanos, fs.lstat(target.resolve("d/f")).mtimeNanos());
    assertEquals(nanos, fs.lstat(target.resolve("d/l")).mtimeNanos());
  }

  @Test
  void keepsSubSecondPaxMtime() throws IOException {
    TarArchiveEntry e = new TarArchiveEntry("f");
    e.setSize(0);
    // commons-compress keeps 100 ns; our reader takes all nine digits (see TarReaderTest)
    e.addPaxHeader("mtime", "1700000000.1234567");
    unpack(new TestTar().add(e, new byte[0]));
    assertEquals(1_700_000_000_123_456_700L, fs.lstat(target.resolve("f")).mtimeNanos());
  }

  @Test
  void hardLinksShareAnInodeAndSymlinksKeepTheirTarget() throws IOException {
    unpack(new TestTar().file("a", "content").hardlink("b", "a").hardlink("/c", "/a").symlink("s", "a//x/"));
    assertEquals(fs.lstat(target.resolve("a")).inode(), fs.lstat(target.resolve("b")).inode());
    assertEquals(3, fs.lstat(target.resolve("c")).nlink());
    assertEquals("a//x/", readlink(target.resolve("s")), "kept byte for byte");
  }

  @Test
  void longNamesFromPaxAndGnu() throws IOException {
    String dir150 = "d".repeat(60) + "/" + "e".repeat(89);
    String over255 = dir150 + "/" + "f".repeat(200);
    for (int mode : new int[] {TarArchiveOutputStream.LONGFILE_POSIX, TarArchiveOutputStream.LONGFILE_GNU}) {
      Path sub = Files.createDirectory(target.resolve("m" + mode));
      LayerUnpacker.create().unpack(new TestTar(mode)
          .file(dir150 + "/short", "a")
          .file(over255, "b")
          .symlink("link", over255)
          .hardlink("hard", over255)
          .stream(), sub);
      assertEquals("a", Files.readString(sub.resolve(dir150 + "/short")));
      assertEquals("b", Files.readString(sub.resolve(over255)));
      assertEquals(over255, Files.readSymbolicLink(sub.resolve("link")).toString());
      assertEquals("b", Files.readString(sub.resolve("hard")));
    }
  }

  @Test
  void xattrsFromPaxIncludingBinaryCapabilities() throws IOException {
    // cap_setuid (bit 7) makes a byte 0x80: not UTF-8, so it must travel as raw bytes.
    byte[] capability = {1, 0, 0, 2, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TarWriter tar = new TarWriter(out);
    TarEntry file = new TarEntry("ping", TarEntry.TYPE_FILE, "", 0755, 0, 0, 2, 0, -1, 0, 0,
        Map.of("security.capability", capability, "user.note", "hello".getBytes(StandardCharsets.UTF_8),
            "trusted.overlay.redirect", "/elsewhere".getBytes(StandardCharsets.UTF_8)));
    tar.begin(file);
    tar.write(new byte[] {'h', 'i'}, 0, 2);
    tar.end(file);
    tar.finish();
    LayerUnpacker.create().unpack(new java.io.ByteArrayInputStream(out.toByteArray()), target);
    Path ping = target.resolve("ping");
    assertArrayEquals(capability, fs.lgetxattr(ping, "security.capability"));
    assertEquals("hello", new String(fs.lgetxattr(ping, "user.note"), StandardCharsets.UTF_8));
    assertNull(fs.lgetxattr(ping, "trusted.overlay.redirect"), "overlay attributes never come from archives");
  }

  @Test
  void xattrsWrittenByCommonsCompressToo() throws IOException {
    unpack(new TestTar().file("f", "x", e -> e.addPaxHeader("SCHILY.xattr.user.mime", "text/plain")));
    assertEquals("text/plain", new String(fs.lgetxattr(target.resolve("f"), "user.mime"), StandardCharsets.UTF_8));
  }

  @Test
  void fifosAndDevices() throws IOException {
    unpack(new TestTar()
        .special("p", TarArchiveEntry.LF_FIFO, 0640, 0, 0)
        .special("dev/tty", TarArchiveEntry.LF_CHR, 0620, 5, 0)
        .special("dev/loop0", TarArchiveEntry.LF_BLK, 0660, 7, 0));
    FileStat fifo = fs.lstat(target.resolve("p"));
    assertEquals(FileStat.S_IFIFO, fifo.type());
    assertEquals(0640, fifo.permissions());
    FileStat tty = fs.lstat(target.resolve("dev/tty"));
    assertEquals(FileStat.S_IFCHR | 0620, tty.mode());
    assertEquals(5, tty.rdevMajor());
    assertEquals(FileStat.S_IFBLK, fs.lstat(target.resolve("dev/loop0")).type());
  }

  @Test
  void laterEntriesReplaceEarlierOnesButDirectoriesMerge() throws IOException {
    long bytes = unpack(new TestTar()
        .dir("d").file("d/keep", "k")
        .dir("d", 0700, 0, 0)
        .symlink("x", "somewhere").file("x", "now a file")
        .dir("y").file("y/inner", "i").file("y", "file replaces dir"));
    assertEquals("k", Files.readString(target.resolve("d/keep")));
    assertEquals(0700, fs.lstat(target.resolve("d")).permissions());
    assertEquals("now a file", Files.readString(target.resolve("x")));
    assertEquals("file replaces dir", Files.readString(target.resolve("y")));
    // Counted as written: entries replaced later in the same layer still count (Docker, which
    // measures the finished directory, would say 28).
    assertEquals(1 + "somewhere".length() + 10 + 1 + 17, bytes);
  }

  @Test
  void emptyStreamIsAnEmptyLayer() throws IOException {
    assertEquals(0, LayerUnpacker.create().unpack(new java.io.ByteArrayInputStream(new byte[0]), target));
    assertEquals(0, unpack(new TestTar()));
  }

  @Test
  void callOrderKeepsSetuidAfterChown() throws IOException {
    RecordingFileSystemCalls calls = new RecordingFileSystemCalls();
    new LayerUnpacker(calls).unpack(
        new TestTar().file("su", "x", e -> { e.setMode(0104755); e.setIds(1000, 1000); }).stream(), target);
    Path su = target.resolve("su");
    assertEquals(List.of("lchown", "chmod", "utimensat"), calls.calls().stream().map(RecordingFileSystemCalls.Call::name).toList());
    assertEquals(List.of(1000, 1000), calls.calls("lchown").getFirst().args());
    assertEquals(List.of(04755), calls.calls("chmod").getFirst().args());
    assertEquals(su, calls.calls("utimensat").getFirst().path());
    assertEquals(true, calls.calls("utimensat").getFirst().args().get(2), "never follows a final symlink");
  }

  static String readlink(Path link) throws IOException {
    Process p = new ProcessBuilder("readlink", link.toString()).start();
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
  }

  private static TarArchiveEntry withTime(TarArchiveEntry e, Date time) {
    e.setModTime(time);
    return e;
  }

  private static TarArchiveEntry symlinkEntry(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
    e.setLinkName(target);
    return e;
  }
}
