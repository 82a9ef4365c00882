package io.jdocker.it.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.it.support.CommandResult;
import io.jdocker.it.support.Daemon;
import io.jdocker.it.support.SharedDaemon;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad archives are refused with a message naming the problem, write nothing outside the store
 * and leave no image behind.
 */
@ExtendWith(SharedDaemon.class)
class HostileArchiveIT {
  private final Daemon daemon;
  private final String marker = "it-escape-" + UUID.randomUUID();
  private Path sentinel;
  @TempDir Path dir;

  HostileArchiveIT(Daemon daemon) {
    this.daemon = daemon;
  }

  @BeforeEach
  void makeSentinel() throws IOException {
    sentinel = Files.createTempDirectory(Path.of("/tmp"), "it-sentinel-");
  }

  @AfterEach
  void removeSentinel() throws IOException {
    try (Stream<Path> files = Files.walk(sentinel)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private CommandResult load(byte[] archive) throws IOException {
    Path file = dir.resolve("archive.tar");
    ArchiveBuilder.write(file, archive);
    return daemon.jdocker("load", "-i", file.toString());
  }

  private void assertRefused(CommandResult result, String mentioned, String ref) {
    assertEquals(1, result.exitCode(), "stdout: " + result.stdout());
    assertTrue(result.stderr().contains(mentioned), "error should name '" + mentioned + "': "
        + result.stderr());
    assertNotEquals(0, daemon.jdocker("image", "inspect", ref).exitCode(), "no image is left");
    assertFalse(existsAnywhere(marker), "nothing named " + marker + " was written");
  }

  private boolean existsAnywhere(String name) {
    for (Path root : new Path[] {daemon.base(), sentinel, Path.of("/tmp"), Path.of("/")}) {
      try (Stream<Path> files = Files.walk(root, root.equals(daemon.base()) ? 12 : 1)) {
        if (files.anyMatch(p -> p.getFileName() != null && p.getFileName().toString().equals(name))) {
          return true;
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        // unreadable corners of / are not where an escape would land
      }
    }
    return false;
  }

  @Test
  void layerEntryWithDotDotIsRefused() throws IOException {
    byte[] layer = new ArchiveBuilder().file("../../../../../../../../../tmp/" + marker, "x").build();
    byte[] archive = ArchiveBuilder.dockerArchive("it-hostile-dotdot:latest", layer,
        ArchiveBuilder.sha256(layer), "l1/layer.tar");
    assertRefused(load(archive), "../", "it-hostile-dotdot:latest");
  }

  @Test
  void writingThroughASymlinkIsRefused() throws IOException {
    byte[] layer = new ArchiveBuilder().symlink("evil", sentinel.toString())
        .file("evil/" + marker, "x").build();
    byte[] archive = ArchiveBuilder.dockerArchive("it-hostile-symlink:latest", layer,
        ArchiveBuilder.sha256(layer), "l1/layer.tar");
    assertRefused(load(archive), "evil/" + marker, "it-hostile-symlink:latest");
    assertEquals(0, sentinel.toFile().list().length, "the sentinel directory stays empty");
  }

  @Test
  void manifestPathOutsideTheArchiveIsRefused() throws IOException {
    byte[] layer = new ArchiveBuilder().file("ok", "x").build();
    byte[] archive = ArchiveBuilder.dockerArchive("it-hostile-manifest:latest", layer,
        ArchiveBuilder.sha256(layer), "../../etc/passwd");
    assertRefused(load(archive), "../../etc/passwd", "it-hostile-manifest:latest");
  }

  @Test
  void layerThatDoesNotMatchItsDiffIdIsRefused() throws IOException {
    byte[] layer = new ArchiveBuilder().file(marker, "x").build();
    String wrong = ArchiveBuilder.sha256("something else".getBytes());
    byte[] archive = ArchiveBuilder.dockerArchive("it-hostile-digest:latest", layer, wrong,
        "l1/layer.tar");
    assertRefused(load(archive), "l1/layer.tar", "it-hostile-digest:latest");
  }

  @Test
  void truncatedArchiveIsRefusedAndLeavesTheStoreAsItWas() throws IOException {
    byte[] layer = new ArchiveBuilder().file("data", new byte[200_000]).build();
    byte[] archive = ArchiveBuilder.dockerArchive("it-hostile-truncated:latest", layer,
        ArchiveBuilder.sha256(layer), "l1/layer.tar");
    String before = daemon.jdocker("images", "-a", "-q", "--no-trunc").assertSuccess().out();
    CommandResult result = load(Arrays.copyOf(archive, archive.length / 2));
    assertEquals(1, result.exitCode());
    assertFalse(result.stderr().isBlank(), "a truncated archive gets an error message");
    assertNotEquals(0, daemon.jdocker("image", "inspect", "it-hostile-truncated").exitCode());
    assertEquals(before, daemon.jdocker("images", "-a", "-q", "--no-trunc").assertSuccess().out());
  }

  @Test
  void garbageIsRefused() throws IOException {
    byte[] junk = new byte[10_000];
    new java.util.Random(42).nextBytes(junk);
    CommandResult result = load(junk);
    assertEquals(1, result.exitCode());
    assertFalse(result.stderr().isBlank());
  }
}
