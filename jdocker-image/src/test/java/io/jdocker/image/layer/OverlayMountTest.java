package io.jdocker.image.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The overlay form is what the kernel means: whiteouts hide, opaque directories hide below. */
class OverlayMountTest {
  @TempDir Path tmp;

  @Test
  void kernelOverlayHonoursUnpackedWhiteoutsAndOpaqueDirectories() throws Exception {
    Path lower = Files.createDirectory(tmp.resolve("l1"));
    Path upper = Files.createDirectory(tmp.resolve("l2"));
    Path merged = Files.createDirectory(tmp.resolve("merged"));
    LayerUnpacker.create().unpack(new TestTar()
        .file("gone", "old").file("kept", "old").dir("a").file("a/x", "x").file("a/y", "y").stream(), lower);
    LayerUnpacker.create().unpack(new TestTar()
        .file(".wh.gone", "").dir("a").file("a/.wh..wh..opq", "").file("a/z", "z").stream(), upper);

    int mounted = run("mount", "-t", "overlay", "overlay", "-o", "lowerdir=" + upper + ":" + lower, merged.toString());
    assumeTrue(mounted == 0, "overlay mounts need root and overlayfs");
    try {
      assertFalse(Files.exists(merged.resolve("gone"), LinkOption.NOFOLLOW_LINKS));
      assertEquals("old", Files.readString(merged.resolve("kept")));
      try (Stream<Path> a = Files.list(merged.resolve("a"))) {
        assertEquals(List.of("z"), a.map(p -> p.getFileName().toString()).toList());
      }
    } finally {
      assertEquals(0, run("umount", merged.toString()));
    }
  }

  private static int run(String... command) throws IOException, InterruptedException {
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
  }
}
