package io.jdocker.image.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real root filesystem: busybox-static with applet links, unpacked and run under chroot. */
class BusyboxRootfsTest {
  private static final Path BUSYBOX = Path.of("/bin/busybox");
  @TempDir Path tmp;

  @Test
  void unpacksARunnableBusyboxRootfs() throws Exception {
    assumeTrue(Files.isRegularFile(BUSYBOX) && isStatic(), "needs the busybox-static package");
    byte[] busybox = Files.readAllBytes(BUSYBOX);
    TestTar tar = new TestTar().dir("bin").dir("etc").dir("tmp", 01777, 0, 0).dir("root", 0700, 0, 0)
        .file("bin/busybox", busybox, e -> e.setMode(0100755));
    for (String applet : new String[] {"sh", "ls", "cat", "echo", "id"}) {
      tar.symlink("bin/" + applet, "busybox");
    }
    tar.file("etc/passwd", "root:x:0:0:root:/root:/bin/sh\n").hardlink("bin/busybox-hard", "bin/busybox");
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
      z.write(tar.bytes());
    }
    Path rootfs = Files.createDirectory(tmp.resolve("rootfs"));
    long bytes = LayerUnpacker.create().unpack(
        Decompression.open(new ByteArrayInputStream(gz.toByteArray())), rootfs);
    assertEquals(busybox.length + 30 + 5 * "busybox".length(), bytes); // file content + link targets

    Process p = new ProcessBuilder("chroot", rootfs.toString(), "/bin/sh", "-c", "cat /etc/passwd; ls /bin")
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    assertEquals("root:x:0:0:root:/root:/bin/sh\nbusybox\nbusybox-hard\ncat\necho\nid\nls\nsh\n", out);
  }

  private static boolean isStatic() throws IOException {
    byte[] head = Files.readAllBytes(BUSYBOX);
    // a dynamic executable names its interpreter; the static one has none
    return !new String(head, StandardCharsets.ISO_8859_1).contains("/lib64/ld-linux");
  }
}
