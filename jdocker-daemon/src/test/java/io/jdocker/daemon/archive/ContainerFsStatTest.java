package io.jdocker.daemon.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdocker.errdefs.NotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContainerFsStatTest {
  @TempDir Path tmp;
  ContainerFs fs;

  @BeforeEach
  void container() throws IOException {
    fs = new ContainerFs(Rootfs.create(tmp.resolve("root")), "web");
  }

  @Test
  void fileStatIsDockersJson() throws IOException {
    PathStat stat = fs.stat("/etc/hostname");
    assertEquals(
        "{\"name\":\"hostname\",\"size\":4,\"mode\":420,\"mtime\":\"2026-11-28T22:34:12.596578428Z\",\"linkTarget\":\"\"}",
        stat.toJson());
  }

  @ParameterizedTest(name = "{0}: name {1}, mode {2}, linkTarget ''{3}''")
  @CsvSource(
      quoteCharacter = '\'',
      value = {
        "/www, www, 2147484136, ''",
        "/www/, www, 2147484136, ''",
        "/www/., ., 2147484136, ''",
        "/, /, 2147484141, ''",
        "/tmp, tmp, 2148532735, ''",
        "/usr/bin/tool, tool, 8389101, ''",
        "/www/link, link, 134218239, /www/index.html",
        "/bin, bin, 134218239, /usr/bin",
        "/etclink, etclink, 134218239, /etc",
        "/bin/, bin, 2147484141, ''", // a trailing slash follows the link
        "/bin/tool, tool, 8389101, ''",
        "/etclink/../www, www, 2147484136, ''", // lexical: /www
      })
  void statsTheLastElementItself(String path, String name, long mode, String linkTarget) throws IOException {
    PathStat stat = fs.stat(path);
    assertEquals(name, stat.name());
    assertEquals(mode, stat.mode());
    assertEquals(linkTarget, stat.linkTarget());
  }

  @Test
  void symlinkSizeAndTimeAreTheLinksOwn() throws IOException {
    PathStat stat = fs.stat("/www/link");
    assertEquals("index.html".length(), stat.size());
    assertEquals(Instant.ofEpochSecond(0, Rootfs.MTIME), stat.mtime());
  }

  @ParameterizedTest
  @CsvSource({"/nope", "/etc/nope", "/etc/hostname/", "/etc/hostname/.", "/etc/hostname/x", "/nope/x/"})
  void missingPathIsDockersNotFound(String path) {
    var e = assertThrows(NotFoundException.class, () -> fs.stat(path));
    assertEquals("Could not find the file " + path + " in container web", e.getMessage());
  }
}
