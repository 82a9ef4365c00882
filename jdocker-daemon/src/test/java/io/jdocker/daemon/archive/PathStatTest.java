package io.jdocker.daemon.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathStatTest {

  @Test
  void jsonMatchesTheClientTraceExampleByteForByte() {
    PathStat stat = new PathStat("tmp", 4096, 2147484141L, Instant.parse("2026-11-28T22:34:12.596578428Z"), "");
    String json = "{\"name\":\"tmp\",\"size\":4096,\"mode\":2147484141,"
        + "\"mtime\":\"2026-11-28T22:34:12.596578428Z\",\"linkTarget\":\"\"}";
    assertEquals(json, stat.toJson());
    assertEquals(
        Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)), stat.headerValue());
    assertEquals(json, new String(Base64.getDecoder().decode(stat.headerValue()), StandardCharsets.UTF_8));
  }

  @Test
  void wholeSecondsAndTrailingZerosAreTrimmedAsGoDoes() {
    assertEquals("\"mtime\":\"2026-01-02T03:04:05Z\"", mtimeField(Instant.parse("2026-01-02T03:04:05Z")));
    assertEquals("\"mtime\":\"2026-01-02T03:04:05.5Z\"", mtimeField(Instant.parse("2026-01-02T03:04:05.500Z")));
  }

  private static String mtimeField(Instant t) {
    String json = new PathStat("f", 0, 420, t, "").toJson();
    return json.substring(json.indexOf("\"mtime\""), json.indexOf(",\"linkTarget\""));
  }

  @Test
  void stringsAreEscapedAsGoJsonMarshal() {
    PathStat stat = new PathStat("a\"b\\<&>\n\u0001é", 0, 0, Instant.EPOCH, "/x");
    assertEquals(
        "{\"name\":\"a\\\"b\\\\\\u003c\\u0026\\u003e\\n\\u0001é\",\"size\":0,\"mode\":0,"
            + "\"mtime\":\"1970-01-01T00:00:00Z\",\"linkTarget\":\"/x\"}",
        stat.toJson());
  }

  @ParameterizedTest(name = "st_mode {0} -> {1}")
  @CsvSource({
    "040755, 2147484141", // dir|0755, the CLIENT-TRACE example
    "0100644, 420",
    "0120777, 134218239", // symlink, as busybox's /bin/gzip shows
    "0104755, 8389101", // setuid
    "0102755, 4194797", // setgid
    "041777, 2148532735", // sticky /tmp
    "010644, 33554852", // named pipe
    "0140755, 16777709", // socket
    "060660, 67109296", // block device
    "020666, 69206454", // char device
  })
  void goFileModeBits(String stMode, long expected) {
    assertEquals(expected, GoFileMode.of(Integer.parseInt(stMode, 8)));
  }
}
