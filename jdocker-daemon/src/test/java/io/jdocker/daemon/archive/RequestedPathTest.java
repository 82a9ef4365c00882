package io.jdocker.daemon.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdocker.errdefs.InvalidParameterException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestedPathTest {

  @ParameterizedTest(name = "{0} -> {1} (dir {2}, last ''{3}'', name {4})")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "/tmp/f.txt   | /tmp/f.txt | /tmp/      | f.txt | f.txt",
        "/tmp/        | /tmp/      | /tmp/      | ''    | tmp",
        "/tmp         | /tmp       | /          | tmp   | tmp",
        "/tmp/.       | /tmp/.     | /tmp/      | .     | .",
        "/tmp/./      | /tmp/./    | /tmp/./    | ''    | .",
        "/            | /          | /          | ''    | /",
        "/.           | /.         | /          | .     | .",
        "tmp/x        | /tmp/x     | /tmp/      | x     | x",
        "//tmp//x//   | /tmp/x/    | /tmp/x/    | ''    | x",
        "/a/../../b   | /b         | /          | b     | b",
        "/a/b/..      | /a         | /          | a     | a",
        "..           | /          | /          | ''    | /",
      })
  void cleansLikeDockerButKeepsTrailingSeparatorAndDot(
      String raw, String absolute, String directory, String last, String name) {
    RequestedPath path = RequestedPath.of(raw);
    assertEquals(absolute, path.absolute());
    assertEquals(directory, path.directory());
    assertEquals(last, path.lastElement());
    assertEquals(name, path.name());
  }

  @ParameterizedTest
  @CsvSource({"/tmp/, true", "/tmp/., true", "/, true", "/tmp, false", "/tmp/x, false"})
  void assertsDirectory(String raw, boolean expected) {
    assertEquals(expected, RequestedPath.of(raw).assertsDirectory());
  }

  @org.junit.jupiter.api.Test
  void emptyPathIsDockersBadParameter() {
    var e = assertThrows(InvalidParameterException.class, () -> RequestedPath.of(""));
    assertEquals("bad parameter: path cannot be empty", e.getMessage());
  }
}
