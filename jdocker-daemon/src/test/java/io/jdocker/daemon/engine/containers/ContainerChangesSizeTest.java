package io.jdocker.daemon.engine.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SizeRw: Docker's directory size of the upper dir. */
class ContainerChangesSizeTest {
  @TempDir Path tmp;

  @Test
  void countsNonDirectoriesByLstatSizeAndHardLinksOnce() throws Exception {
    Path upper = Files.createDirectories(tmp.resolve("upper"));
    Files.write(upper.resolve("a"), new byte[100]);
    Path sub = Files.createDirectories(upper.resolve("etc/deep"));
    Files.write(sub.resolve("b"), new byte[30]);
    Files.createLink(sub.resolve("b-link"), sub.resolve("b"));
    Path target = Files.write(tmp.resolve("outside-big"), new byte[5000]);
    Files.createSymbolicLink(upper.resolve("s"), target); // counts its own size: the target path's length
    Files.createFile(upper.resolve("empty"));

    long expected = 100 + 30 + target.toString().length();
    assertEquals(expected, ContainerChanges.size(upper));
  }

  @Test
  void aMissingUpperDirIsEmpty() {
    assertEquals(0, ContainerChanges.size(tmp.resolve("nope")));
  }
}
