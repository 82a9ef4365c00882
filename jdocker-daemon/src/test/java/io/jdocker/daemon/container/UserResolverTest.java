package io.jdocker.daemon.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdocker.errdefs.InvalidParameterException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserResolverTest {
  @TempDir
  Path rootfs;

  private void writeEtc() throws IOException {
    Files.createDirectories(rootfs.resolve("etc"));
    Files.writeString(rootfs.resolve("etc/passwd"), String.join("\n",
        "root:x:0:0:root:/root:/bin/sh", "# comment", "", "daemon:x:1:1:daemon:/usr/sbin:/bin/false",
        "www:x:33:33:www:/var/www:/bin/false", "app:x:1000:1000::/home/app:/bin/sh", "broken-line") + "\n");
    Files.writeString(rootfs.resolve("etc/group"), String.join("\n",
        "root:x:0:", "www:x:33:", "app:x:1000:", "audio:x:29:app,www", "video:x:44:app") + "\n");
  }

  @ParameterizedTest(name = "{0} → {1}:{2} {3} home {4}")
  @CsvSource(delimiter = '|', value = {
      "''         |0   |0   |''     |/root",
      "root       |0   |0   |''     |/root",
      "app        |1000|1000|29;44  |/home/app",
      "1000       |1000|1000|29;44  |/home/app",
      "www        |33  |33  |29     |/var/www",
      "app:www    |1000|33  |''     |/home/app",
      "app:29     |1000|29  |''     |/home/app",
      "4242       |4242|0   |''     |/",
      "4242:4343  |4242|4343|''     |/",
      "www:video  |33  |44  |''     |/var/www",
  })
  void resolves(String spec, long uid, long gid, String groups, String home) throws IOException {
    writeEtc();
    ExecUser u = UserResolver.resolve(spec, rootfs);
    List<Long> extra = groups.isEmpty() ? List.of() : java.util.Arrays.stream(groups.split(";")).map(Long::parseLong).toList();
    assertEquals(new ExecUser(uid, gid, extra, home), u);
  }

  @Test
  void unknownNamesAreDockersErrors() throws IOException {
    writeEtc();
    assertEquals("unable to find user nope: no matching entries in passwd file",
        assertThrows(InvalidParameterException.class, () -> UserResolver.resolve("nope", rootfs)).getMessage());
    assertEquals("unable to find group nogroup: no matching entries in group file",
        assertThrows(InvalidParameterException.class, () -> UserResolver.resolve("app:nogroup", rootfs)).getMessage());
    assertEquals("uids and gids must be in range 0-2147483647",
        assertThrows(InvalidParameterException.class, () -> UserResolver.resolve("99999999999", rootfs)).getMessage());
  }

  @Test
  void withoutEtcFilesOnlyNumbersWork() {
    assertEquals(new ExecUser(0, 0, List.of(), "/"), UserResolver.resolve("", rootfs));
    assertEquals(new ExecUser(5, 6, List.of(), "/"), UserResolver.resolve("5:6", rootfs));
    assertThrows(InvalidParameterException.class, () -> UserResolver.resolve("app", rootfs));
  }

  @Test
  void aPasswdSymlinkLeavingTheRootIsIgnored() throws IOException {
    Path outside = Files.createTempFile("passwd", "");
    try {
      Files.writeString(outside, "evil:x:0:0::/:/bin/sh\n");
      Files.createDirectories(rootfs.resolve("etc"));
      Files.createSymbolicLink(rootfs.resolve("etc/passwd"), outside);
      assertThrows(InvalidParameterException.class, () -> UserResolver.resolve("evil", rootfs));
    } finally {
      Files.deleteIfExists(outside);
    }
  }
}
