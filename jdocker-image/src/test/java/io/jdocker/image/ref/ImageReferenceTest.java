package io.jdocker.image.ref;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdocker.errdefs.InvalidParameterException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferenceTest {
  private static final String HEX = "a".repeat(64);

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "busybox|docker.io/library/busybox|-|busybox",
      "busybox:latest|docker.io/library/busybox:latest|latest|busybox:latest",
      "library/busybox:1.36|docker.io/library/busybox:1.36|1.36|busybox:1.36",
      "docker.io/library/busybox|docker.io/library/busybox|-|busybox",
      "index.docker.io/library/busybox|docker.io/library/busybox|-|busybox",
      "user/repo:v1|docker.io/user/repo:v1|v1|user/repo:v1",
      "localhost:5000/a/b:tag|localhost:5000/a/b:tag|tag|localhost:5000/a/b:tag",
      "localhost/x|localhost/x|-|localhost/x",
      "127.0.0.1:5000/x:v1|127.0.0.1:5000/x:v1|v1|127.0.0.1:5000/x:v1",
      "[::1]:5000/x|[::1]:5000/x|-|[::1]:5000/x",
      "Registry.Example.com/a/b|Registry.Example.com/a/b|-|Registry.Example.com/a/b",
      "a/b/c/d|docker.io/a/b/c/d|-|a/b/c/d",
      "foo_bar.baz-qux__x---y|docker.io/library/foo_bar.baz-qux__x---y|-|foo_bar.baz-qux__x---y",
      "busybox:A_tag.with-Caps|docker.io/library/busybox:A_tag.with-Caps|A_tag.with-Caps|busybox:A_tag.with-Caps",
  })
  void parsesAndNormalises(String input, String full, String tag, String familiar) {
    ImageReference ref = ImageReference.parse(input);
    assertEquals(full, ref.toString());
    assertEquals(tag, ref.tag());
    assertEquals(familiar, ref.familiarString());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Busybox|invalid reference format: repository name (library/Busybox) must be lowercase",
      "user/Repo:v1|invalid reference format: repository name (user/Repo) must be lowercase",
      "busybox:|invalid reference format",
      ":tag|invalid reference format",
      "busy box|invalid reference format",
      "busybox::x|invalid reference format",
      "-busybox|invalid reference format",
      "busybox-|invalid reference format",
      "a//b|invalid reference format",
      "busybox:-tag|invalid reference format",
      "busybox@sha256:abc|invalid reference format",
      "/busybox|invalid reference format",
      "busybox:" + "t" + "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789|invalid reference format",
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa|invalid repository name (aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa), cannot specify 64-byte hexadecimal strings",
  })
  void rejectsWithDockersMessage(String input, String message) {
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> ImageReference.parse(input));
    assertEquals(message, e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void digestReferences() {
    ImageReference ref = ImageReference.parse("busybox@sha256:" + HEX);
    assertEquals("docker.io/library/busybox@sha256:" + HEX, ref.toString());
    assertEquals("busybox@sha256:" + HEX, ref.familiarString());
    assertEquals(ref, ref.withDefaultTag());
    ImageReference both = ImageReference.parse("localhost:5000/x:v1@sha256:" + HEX);
    assertEquals("v1", both.tag());
    assertEquals(HEX, both.digest().hex());
  }

  @org.junit.jupiter.api.Test
  void tooLongName() {
    String name = "a".repeat(250) + "/" + "b".repeat(10);
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> ImageReference.parse(name));
    assertEquals("invalid reference format: repository name must not be more than 255 characters", e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void digestValidation() {
    assertEquals(HEX, Digest.parse("sha256:" + HEX).hex());
    assertThrows(InvalidParameterException.class, () -> Digest.parse("sha256:" + "A".repeat(64)));
    assertThrows(InvalidParameterException.class, () -> Digest.parse("sha512:" + HEX));
    assertThrows(InvalidParameterException.class, () -> Digest.parse("sha256:abc"));
    assertThrows(InvalidParameterException.class, () -> new Digest("xyz"));
  }
}
