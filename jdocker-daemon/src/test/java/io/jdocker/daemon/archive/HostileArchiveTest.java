package io.jdocker.daemon.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.errdefs.EngineException;
import io.jdocker.errdefs.InvalidParameterException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Archives and container links that try to write beside the container root: nothing may land there. */
class HostileArchiveTest {
  @TempDir Path tmp;
  Path root;
  Path sentinel;
  ContainerFs fs;

  @BeforeEach
  void container() throws IOException {
    root = Rootfs.create(tmp.resolve("root"));
    sentinel = Files.createDirectories(tmp.resolve("sentinel"));
    Files.writeString(sentinel.resolve("keep"), "original");
    Rootfs.FS.symlink("/", root.resolve("evil"));
    Rootfs.FS.symlink("../../..", root.resolve("up"));
    Rootfs.FS.symlink("../sentinel", root.resolve("beside"));
    Rootfs.FS.symlink(sentinel.toString(), root.resolve("hostpath"));
    Rootfs.FS.symlink("../../sentinel/keep", root.resolve("tmp/keeplink"));
    fs = new ContainerFs(root, "web");
  }

  @AfterEach
  void sentinelIsUntouched() throws IOException {
    try (Stream<Path> listing = Files.list(sentinel)) {
      assertEquals(List.of(sentinel.resolve("keep")), listing.toList());
    }
    assertEquals("original", Files.readString(sentinel.resolve("keep")));
    assertTrue(Files.isRegularFile(sentinel.resolve("keep"), LinkOption.NOFOLLOW_LINKS));
  }

  @ParameterizedTest(name = "into {0}: {1} is refused")
  @CsvSource({
    "/tmp, ../../sentinel/x",
    "/tmp, ../x",
    "/, ../sentinel/x",
    "/, evil/x", // the container's own link to /
    "/, up/sentinel/x", // the container's own link to ../../..
    "/, beside/x",
    "/, hostpath/x",
    "/tmp, keeplink/x",
  })
  void entryEscapingTheRootIsRefused(String dir, String entry) {
    var e = assertThrows(InvalidParameterException.class,
        () -> fs.extract(dir, new Tars().file(entry, "pwned").stream(), true, null));
    assertTrue(e.getMessage().contains(entry), e.getMessage());
  }

  @Test
  void absoluteNamesStayInsideTheTarget() throws IOException {
    fs.extract("/tmp", new Tars().file("/x", "abs").file("/../../y", "abs2").stream(), true, null);
    assertEquals("abs", Files.readString(root.resolve("tmp/x")));
    assertEquals("abs2", Files.readString(root.resolve("tmp/y")));
  }

  @ParameterizedTest(name = "extracting into {0} stays inside the root")
  @CsvSource({"/evil, x", "/up, x", "/up/tmp, tmp/x", "/beside/../tmp, tmp/x"})
  void extractionPointThroughContainerLinksIsResolvedInScope(String dir, String landed) throws IOException {
    fs.extract(dir, new Tars().file("x", "inside").stream(), true, null);
    assertEquals("inside", Files.readString(root.resolve(landed)));
  }

  @Test
  void linkToTheHostsSentinelPathIsNotFoundInsideTheRoot() {
    assertThrows(io.jdocker.errdefs.NotFoundException.class,
        () -> fs.extract("/hostpath", new Tars().file("x", "pwned").stream(), true, null));
    assertThrows(io.jdocker.errdefs.NotFoundException.class,
        () -> fs.extract("/beside", new Tars().file("x", "pwned").stream(), true, null));
  }

  @Test
  void archiveCannotPlantALinkAndWriteThroughIt() {
    assertThrows(InvalidParameterException.class, () -> fs.extract("/tmp",
        new Tars().symlink("s", "../../sentinel").file("s/x", "pwned").stream(), true, null));
    assertThrows(InvalidParameterException.class, () -> fs.extract("/tmp",
        new Tars().symlink("a", "/").file("a/../../sentinel/x", "pwned").stream(), true, null));
  }

  @Test
  void fileReplacingAContainerLinkReplacesTheLinkNotItsTarget() throws IOException {
    fs.extract("/tmp", new Tars().file("keeplink", "replaced").stream(), true, null);
    assertEquals("replaced", Files.readString(root.resolve("tmp/keeplink")));
    assertTrue(Files.isRegularFile(root.resolve("tmp/keeplink"), LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void hardLinkCannotReachOutside() {
    assertThrows(EngineException.class, () -> fs.extract("/tmp",
        new Tars().hardlink("h", "../../sentinel/keep").stream(), true, null));
    assertThrows(EngineException.class, () -> fs.extract("/tmp",
        new Tars().hardlink("h", "keeplink/x").stream(), true, null));
  }

  @Test
  void readingThroughContainerLinksNeverLeavesTheRoot() throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    assertThrows(io.jdocker.errdefs.NotFoundException.class, () -> fs.archive("/beside/keep"));
    assertThrows(io.jdocker.errdefs.NotFoundException.class, () -> fs.archive("/hostpath/keep"));
    assertThrows(io.jdocker.errdefs.NotFoundException.class, () -> fs.archive("/tmp/keeplink/"));
    fs.archive("/evil/etc/hostname").writeTo(out);
    assertEquals(List.of("hostname"), Tars.names(out.toByteArray()));
  }
}
