package io.jdocker.daemon.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.linux.FileSystemCalls;
import io.jdocker.linux.jnr.JnrFileSystemCalls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScopedPathTest {
  private static final FileSystemCalls FS = JnrFileSystemCalls.instance();

  @TempDir Path tmp;
  Path root;

  @BeforeEach
  void container() throws IOException {
    root = Files.createDirectories(tmp.resolve("root"));
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(root.resolve("etc/passwd"), "root:x:0:0::/root:/bin/sh\n");
    Files.createDirectories(root.resolve("a/deep/er"));
    Files.createDirectories(tmp.resolve("sentinel"));
    link("evil", "/");
    link("up", "../../..");
    link("abs", "/etc");
    link("rel", "etc");
    link("a/b", "../etc");
    link("a/deep/er/escape", "../../../../../../sentinel");
    link("chain", "a/b");
    link("host", tmp.resolve("sentinel").toString());
    link("loop1", "loop2");
    link("loop2", "loop1");
    link("self", "self/x");
    link("dotdot", "a/deep/..");
  }

  private void link(String name, String target) throws IOException {
    Files.createSymbolicLink(root.resolve(name), Path.of(target));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "/etc/passwd, /etc/passwd",
    "etc/passwd, /etc/passwd",
    "/, /",
    "/evil, /",
    "/evil/etc/passwd, /etc/passwd",
    "/evil/evil/evil/etc, /etc",
    "/up, /",
    "/up/etc/passwd, /etc/passwd",
    "/../../etc, /etc",
    "/abs/passwd, /etc/passwd",
    "/rel/, /etc",
    "/a/b/passwd, /etc/passwd",
    "/chain/passwd, /etc/passwd",
    "/a/deep/er/escape, /sentinel",
    "/a/deep/er/escape/x, /sentinel/x",
    "/missing/x/y, /missing/x/y",
    "/missing/../etc, /etc",
    "/etc/passwd/x, /etc/passwd/x",
    "/dotdot/b, /etc",
    "/a/b/../etc, /a/etc", // the request is cleaned lexically first, as Docker's filepath.Join does
    "/rel/../abs/., /etc",
  })
  void resolvesEveryLinkInsideTheRoot(String request, String expected) throws IOException {
    ScopedPath resolved = ScopedPath.resolve(root, request, FS);
    assertEquals(expected, resolved.containerPath());
    assertTrue(resolved.hostPath().normalize().startsWith(root), resolved.hostPath().toString());
  }

  @Test
  void absoluteHostPathInALinkIsTakenInsideTheRoot() throws IOException {
    ScopedPath resolved = ScopedPath.resolve(root, "/host/file", FS);
    assertEquals(tmp.resolve("sentinel") + "/file", resolved.containerPath());
    assertEquals(root.resolve(tmp.resolve("sentinel").toString().substring(1)).resolve("file"), resolved.hostPath());
  }

  @ParameterizedTest
  @CsvSource({"/loop1", "/loop2/x", "/self"})
  void linkLoopsFailWithDockersTooManyLinks(String request) {
    var e = assertThrows(InvalidParameterException.class, () -> ScopedPath.resolve(root, request, FS));
    assertTrue(e.getMessage().startsWith("evalSymlinksInScope: too many links in /"), e.getMessage());
  }

  @Test
  void nulByteIsRefused() {
    assertThrows(InvalidParameterException.class, () -> ScopedPath.resolve(root, "/etc\0/x", FS));
  }
}
