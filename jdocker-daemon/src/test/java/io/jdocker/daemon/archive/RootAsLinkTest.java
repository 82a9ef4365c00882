package io.jdocker.daemon.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine passes {@code /proc/<pid>/root}, a link to the container's root: it must act as the directory. */
class RootAsLinkTest {
  @TempDir Path tmp;
  Path root;
  ContainerFs fs;

  @BeforeEach
  void container() throws IOException {
    root = Rootfs.create(tmp.resolve("rootfs"));
    fs = new ContainerFs(Files.createSymbolicLink(tmp.resolve("root"), root), "web");
  }

  @Test
  void rootIsADirectory() throws IOException {
    assertEquals(2147484141L, fs.stat("/").mode());
    assertEquals(2147484141L, fs.stat("/.").mode());
  }

  @Test
  void rootArchiveIsTheTree() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    fs.archive("/").writeTo(out);
    List<String> names = Tars.names(out.toByteArray());
    assertEquals("/", names.getFirst());
    assertTrue(names.contains("/www/index.html"), names.toString());
  }

  @Test
  void extractIntoTheRoot() throws IOException {
    fs.extract("/", new Tars().file("top.txt", "t").stream(), true, null);
    assertEquals("t", Files.readString(root.resolve("top.txt")));
  }

  @Test
  void absoluteLinksResolveUnderTheRoot() throws IOException {
    assertEquals("/etc", fs.stat("/etclink").linkTarget());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    fs.archive("/etclink/hostname").writeTo(out);
    assertEquals(List.of("hostname"), Tars.names(out.toByteArray()));
  }
}
