package io.jdocker.daemon.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdocker.linux.FileStat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET of one container's tree, PUT into another: modes, owners, times, links and content survive. */
class RoundTripTest {
  @TempDir Path tmp;

  @Test
  void getThenPutKeepsModesOwnersTimesAndLinks() throws IOException {
    Path sourceRoot = Rootfs.create(tmp.resolve("a"));
    Rootfs.FS.lsetxattr(sourceRoot.resolve("www/sub/b.txt"), "user.origin", "a".getBytes());
    Path targetRoot = Files.createDirectories(tmp.resolve("b/srv"));
    ContainerFs source = new ContainerFs(sourceRoot, "a");
    ContainerFs target = new ContainerFs(tmp.resolve("b"), "b");

    for (String path : List.of("/www", "/etc")) {
      ByteArrayOutputStream tar = new ByteArrayOutputStream();
      source.archive(path).writeTo(tar);
      target.extract("/srv", new ByteArrayInputStream(tar.toByteArray()), true, null);
    }

    for (String p : List.of("www", "www/index.html", "www/link", "www/sub", "www/sub/b.txt", "etc/hostname")) {
      FileStat before = Rootfs.FS.lstat(sourceRoot.resolve(p));
      FileStat after = Rootfs.FS.lstat(targetRoot.resolve(p));
      assertEquals(before.mode(), after.mode(), p);
      assertEquals(before.uid(), after.uid(), p);
      assertEquals(before.gid(), after.gid(), p);
      assertEquals(before.mtimeNanos() / 1_000_000_000L, after.mtimeNanos() / 1_000_000_000L, p);
    }
    assertEquals("index.html", Files.readSymbolicLink(targetRoot.resolve("www/link")).toString());
    assertEquals("b\n", Files.readString(targetRoot.resolve("www/sub/b.txt")));
    assertEquals("a", new String(Rootfs.FS.lgetxattr(targetRoot.resolve("www/sub/b.txt"), "user.origin")));
    assertEquals(Rootfs.FS.lstat(targetRoot.resolve("etc/hard1")).inode(), Rootfs.FS.lstat(targetRoot.resolve("etc/hard2")).inode());
  }
}
