package io.jdocker.image.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.errdefs.InvalidParameterException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Archives that try to leave the target: each is refused, and nothing appears beside it. */
class HostileTarTest {
  @TempDir Path tmp;
  Path target;
  Path outside;

  @BeforeEach
  void layout() throws IOException {
    target = Files.createDirectory(tmp.resolve("target"));
    outside = Files.createDirectory(tmp.resolve("outside"));
    Files.writeString(outside.resolve("secret"), "do not touch");
  }

  /** Long enough that the writer must use a PAX record, which can carry a NUL. */
  private static final String LONG = "b".repeat(120);

  /** Each case gets the sentinel directory beside the target, so links can aim at it. */
  static Stream<Arguments> hostile() {
    return Stream.of(
        hostile("../x", "../x", o -> new TestTar().file("../x", "escaped")),
        hostile("a/../../x", "a/../../x", o -> new TestTar().dir("a").file("a/../../x", "escaped")),
        hostile("dir ../outside", "../outside/", o -> new TestTar().dir("../outside")),
        hostile("symlink then write through", "l/f", o -> new TestTar().symlink("l", o.toString()).file("l/f", "escaped")),
        hostile("relative symlink then write", "l/outside/f", o -> new TestTar().symlink("l", "..").file("l/outside/f", "escaped")),
        hostile("symlink .. chain", "d/up/up2/outside/f", o -> new TestTar().dir("d").symlink("d/up", "..")
            .symlink("up2", "..").file("d/up/up2/outside/f", "escaped")),
        hostile("symlink replaces dir then write", "d/f", o -> new TestTar().dir("d").symlink("d", o.toString()).file("d/f", "x")),
        hostile("symlink then mkdir through", "l/sub/", o -> new TestTar().symlink("l", o.toString()).dir("l/sub")),
        hostile("symlink then whiteout through", "l/.wh.secret", o -> new TestTar().symlink("l", o.toString()).file("l/.wh.secret", "")),
        hostile("symlink then opaque through", "l/.wh..wh..opq", o -> new TestTar().symlink("l", o.toString()).file("l/.wh..wh..opq", "")),
        hostile("symlink then symlink through", "l/evil", o -> new TestTar().symlink("l", o.toString()).symlink("l/evil", "/etc")),
        hostile("hardlink to ../outside", "h", o -> new TestTar().hardlink("h", "../outside/secret")),
        hostile("hardlink through symlink", "h", o -> new TestTar().symlink("l", o.toString()).hardlink("h", "l/secret")),
        hostile("hardlink through symlink to ..", "h", o -> new TestTar().symlink("l", "..").hardlink("h", "l/outside/secret")),
        hostile("NUL in name", "a\\x00" + LONG, o -> new TestTar().file("a\0" + LONG, "x")),
        hostile("NUL in hardlink target", "h", o -> new TestTar().file("a", "x").hardlink("h", "a\0" + LONG)),
        hostile("whiteout of ..", ".wh..", o -> new TestTar().file(".wh..", "")));
  }

  private static Arguments hostile(String label, String entryInMessage, Function<Path, TestTar> tar) {
    return Arguments.of(label, entryInMessage, tar);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void refusedNamingTheEntryAndNothingOutside(String label, String entry, Function<Path, TestTar> tar)
      throws IOException {
    byte[] archive = tar.apply(outside).bytes();
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> LayerUnpacker.create().unpack(new ByteArrayInputStream(archive), target));
    assertTrue(e.getMessage().startsWith("invalid tar entry \"" + entry + "\": "), e.getMessage());
    assertOutsideUntouched();
  }

  @Test
  void dotDotEscapeMessageReadsLikeDocker() {
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> LayerUnpacker.create().unpack(new TestTar().file("../../etc/passwd", "x").stream(), target));
    assertEquals("invalid tar entry \"../../etc/passwd\": path escapes the layer root", e.getMessage());
  }

  @Test
  void absoluteNamesLandInsideTheRootLikeDocker() throws IOException {
    String name = "jdocker-layer-test-" + System.nanoTime();
    LayerUnpacker.create().unpack(
        new TestTar().file("/etc/" + name, "inside").file("/../" + name, "also inside").stream(), target);
    assertEquals("inside", Files.readString(target.resolve("etc/" + name)));
    assertEquals("also inside", Files.readString(target.resolve(name)));
    assertFalse(Files.exists(Path.of("/etc", name)));
    assertFalse(Files.exists(Path.of("/", name)));
  }

  @Test
  void symlinkTargetsMayPointAnywhere() throws IOException {
    LayerUnpacker.create().unpack(
        new TestTar().symlink("etc-link", "/etc").symlink("up", "../../..").stream(), target);
    assertEquals("/etc", Files.readSymbolicLink(target.resolve("etc-link")).toString());
    assertEquals("../../..", Files.readSymbolicLink(target.resolve("up")).toString());
  }

  @Test
  void truncatedArchiveIsAnErrorNotAShortFile() {
    byte[] content = new byte[10_000];
    Arrays.fill(content, (byte) 'a');
    byte[] whole = new TestTar().file("big", content, e -> {}).bytes();
    byte[] cut = Arrays.copyOf(whole, 512 + 4_000);
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> LayerUnpacker.create().unpack(new ByteArrayInputStream(cut), target));
    assertEquals("invalid tar entry \"big\": archive ends inside the entry's data (truncated tar)", e.getMessage());
  }

  @Test
  void truncatedHeaderIsAnError() {
    byte[] whole = new TestTar().file("a", "x").file("b", "y").bytes();
    byte[] cut = Arrays.copyOf(whole, 1024 + 100);
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> LayerUnpacker.create().unpack(new ByteArrayInputStream(cut), target));
    assertTrue(e.getMessage().contains("archive ends inside the header"), e.getMessage());
  }

  @Test
  void randomBytesAreNotATar() {
    byte[] garbage = new byte[8192];
    new Random(42).nextBytes(garbage);
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> LayerUnpacker.create().unpack(new ByteArrayInputStream(garbage), target));
    assertEquals("invalid tar archive: bad header checksum at offset 0 (not a tar archive?)", e.getMessage());
  }

  @Test
  void devicesRefusedWhenNotAllowed() throws IOException {
    byte[] archive = new TestTar().special("dev/null", TarArchiveEntry.LF_CHR, 0666, 1, 3).bytes();
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> LayerUnpacker.create(new UnpackOptions(false)).unpack(new ByteArrayInputStream(archive), target));
    assertEquals("invalid tar entry \"dev/null\": device nodes are not allowed here", e.getMessage());
    assertFalse(Files.exists(target.resolve("dev/null"), LinkOption.NOFOLLOW_LINKS));
  }

  private void assertOutsideUntouched() throws IOException {
    try (Stream<Path> files = Files.list(outside)) {
      assertEquals(List.of(outside.resolve("secret")), files.toList());
    }
    assertEquals("do not touch", Files.readString(outside.resolve("secret")));
    assertEquals(1, (Integer) Files.getAttribute(outside.resolve("secret"), "unix:nlink"));
    try (Stream<Path> files = Files.list(tmp)) {
      assertEquals(2, files.count(), "only target and outside beside each other");
    }
  }
}
