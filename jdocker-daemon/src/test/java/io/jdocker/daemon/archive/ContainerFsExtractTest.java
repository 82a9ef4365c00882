package io.jdocker.daemon.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.errdefs.ConflictException;
import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.errdefs.NotFoundException;
import io.jdocker.image.layer.UnpackOptions;
import io.jdocker.linux.FileStat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerFsExtractTest {
  @TempDir Path tmp;
  Path root;
  ContainerFs fs;

  @BeforeEach
  void container() throws IOException {
    root = Rootfs.create(tmp.resolve("root"));
    fs = new ContainerFs(root, "web");
  }

  @Test
  void extractsIntoTheDirectoryKeepingTheArchivesOwners() throws IOException {
    fs.extract("/tmp", new Tars().dir("cpdir", 0750).file("cpdir/a.txt", "a\n", 0640, 1000, 1001).stream(), true, null);
    assertEquals("a\n", Files.readString(root.resolve("tmp/cpdir/a.txt")));
    FileStat stat = Rootfs.FS.lstat(root.resolve("tmp/cpdir/a.txt"));
    assertEquals(0640, stat.permissions());
    assertEquals(1000, stat.uid());
    assertEquals(1001, stat.gid());
    assertEquals(0750, Rootfs.FS.lstat(root.resolve("tmp/cpdir")).permissions());
  }

  @Test
  void ownerReplacesTheArchivesWhenGiven() throws IOException {
    fs.extract("/tmp", new Tars().file("f", "x", 04755, 1000, 1001).stream(), true, new UnpackOptions.Owner(33, 44));
    FileStat stat = Rootfs.FS.lstat(root.resolve("tmp/f"));
    assertEquals(33, stat.uid());
    assertEquals(44, stat.gid());
    assertEquals(04755, stat.permissions()); // chmod after chown: setuid survives
  }

  @Test
  void symlinkToADirectoryIsAValidExtractionPoint() throws IOException {
    fs.extract("/bin", new Tars().file("new", "n").stream(), true, null);
    assertEquals("n", Files.readString(root.resolve("usr/bin/new")));
  }

  @Test
  void gzipArchiveIsAcceptedAsDockersUntarDoes() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(new Tars().file("z.txt", "zipped").bytes());
    }
    fs.extract("/tmp/", new ByteArrayInputStream(gz.toByteArray()), true, null);
    assertEquals("zipped", Files.readString(root.resolve("tmp/z.txt")));
  }

  @Test
  void missingDirectoryIsNotFound() {
    var e = assertThrows(NotFoundException.class,
        () -> fs.extract("/nope", new Tars().file("f", "x").stream(), true, null));
    assertEquals("Could not find the file /nope in container web", e.getMessage());
  }

  @Test
  void fileIsNotAnExtractionPoint() {
    var e = assertThrows(InvalidParameterException.class,
        () -> fs.extract("/etc/hostname", new Tars().file("f", "x").stream(), true, null));
    assertEquals("extraction point is not a directory", e.getMessage());
  }

  @Test
  void noOverwriteDirNonDirRefusesAFileOverADirectory() {
    var e = assertThrows(ConflictException.class,
        () -> fs.extract("/", new Tars().file("www", "flat").stream(), true, null));
    assertEquals("cannot overwrite directory \"/www\" with non-directory \"/\"", e.getMessage());
    assertTrue(Files.isDirectory(root.resolve("www/sub")));
  }

  @Test
  void noOverwriteDirNonDirRefusesADirectoryOverAFile() {
    var e = assertThrows(ConflictException.class,
        () -> fs.extract("/etc", new Tars().dir("hostname", 0755).stream(), true, null));
    assertEquals("cannot overwrite non-directory \"/etc/hostname\" with directory \"/etc\"", e.getMessage());
    assertTrue(Files.isRegularFile(root.resolve("etc/hostname")));
  }

  @Test
  void withoutNoOverwriteDirNonDirTheEntryReplacesWhatIsThere() throws IOException {
    fs.extract("/", new Tars().file("www", "flat").stream(), false, null);
    assertEquals("flat", Files.readString(root.resolve("www")));
  }

  @Test
  void fileReplacesFileAndDirectoryMergesIntoDirectory() throws IOException {
    fs.extract("/", new Tars().dir("www", 0755).file("etc/hostname", "new\n").stream(), true, null);
    assertEquals("new\n", Files.readString(root.resolve("etc/hostname")));
    assertTrue(Files.exists(root.resolve("www/sub/b.txt")));
    assertEquals(0755, Rootfs.FS.lstat(root.resolve("www")).permissions());
  }

  @Test
  void dotEntryLeavesTheTargetDirectoryAlone() throws IOException {
    fs.extract("/tmp", new Tars().dir("./", 0700).file("./a", "a").stream(), true, null);
    assertEquals(01777, Rootfs.FS.lstat(root.resolve("tmp")).permissions());
    assertTrue(Files.exists(root.resolve("tmp/a")));
  }

  @Test
  void whiteoutNamesAreOrdinaryFiles() throws IOException {
    fs.extract("/www", new Tars().file(".wh.index.html", "").file(".wh..wh..opq", "").stream(), true, null);
    assertTrue(Files.isRegularFile(root.resolve("www/.wh.index.html"), LinkOption.NOFOLLOW_LINKS));
    assertTrue(Files.isRegularFile(root.resolve("www/.wh..wh..opq"), LinkOption.NOFOLLOW_LINKS));
    assertTrue(Files.exists(root.resolve("www/index.html")));
  }

  @Test
  void deviceNodesAreRefused() {
    var e = assertThrows(InvalidParameterException.class,
        () -> fs.extract("/tmp", new Tars().device("null").stream(), true, null));
    assertTrue(e.getMessage().contains("\"null\""), e.getMessage());
    assertFalse(Files.exists(root.resolve("tmp/null"), LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void garbageIsAnInvalidArchive() {
    var e = assertThrows(InvalidParameterException.class,
        () -> fs.extract("/tmp", new ByteArrayInputStream("not a tar ".repeat(200).getBytes(java.nio.charset.StandardCharsets.US_ASCII)), true, null));
    assertTrue(e.getMessage().startsWith("invalid tar"), e.getMessage());
  }
}
