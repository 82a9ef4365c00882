package io.jdocker.daemon.api.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.daemon.api.ApiVersion;
import io.jdocker.daemon.api.testing.FakeRequest;
import io.jdocker.daemon.api.testing.FakeResponse;
import io.jdocker.daemon.engine.events.EventBus;
import io.jdocker.daemon.engine.images.ContainerImageUsage;
import io.jdocker.daemon.engine.images.TestImages;
import io.jdocker.errdefs.ForbiddenException;
import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.image.oci.Platform;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code POST /images/create} reads fromImage, tag and platform, as dockerd does. */
class PullParametersTest {
  private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);
  @TempDir Path dataRoot;

  private static String ref(String fromImage, String tag) {
    return PullReference.of(fromImage, tag).toString();
  }

  @Test
  void tagParameterOverridesAndMayBeADigest() {
    assertEquals("docker.io/library/busybox:latest", ref("busybox", "latest"));
    assertEquals("docker.io/library/busybox:1.36", ref("busybox:1.36", ""));
    assertEquals("docker.io/library/busybox:1.37", ref("busybox:1.36", "1.37"));
    assertEquals("docker.io/library/busybox@" + DIGEST, ref("busybox", DIGEST));
    assertEquals("docker.io/library/busybox@" + DIGEST, ref("busybox:1.36", DIGEST));
    assertEquals("docker.io/library/busybox@" + DIGEST, ref("busybox@" + DIGEST, ""));
    assertEquals("127.0.0.1:5000/x/y:v1", ref("127.0.0.1:5000/x/y", "v1"));
  }

  @Test
  void noTagAnywhereMeansEveryTag() {
    assertEquals("docker.io/library/busybox", ref("busybox", ""));
    assertEquals("docker.io/library/busybox", ref("busybox:", "")); // "pull -a" clients add a colon
  }

  @Test
  void badNamesAndTagsAreRefused() {
    assertEquals("'scratch' is a reserved name",
        assertThrows(ForbiddenException.class, () -> ref("scratch", "latest")).getMessage());
    assertEquals("invalid tag format", assertThrows(InvalidParameterException.class, () -> ref("busybox", "a:b"))
        .getMessage());
    assertTrue(assertThrows(InvalidParameterException.class, () -> ref("Busybox", "latest")).getMessage()
        .startsWith("invalid reference format"));
  }

  @Test
  void platformsNormaliseAsContainerdDoes() {
    assertEquals(new Platform("amd64", "linux", null), PlatformParam.parse("linux/amd64"));
    assertEquals(new Platform("amd64", "linux", null), PlatformParam.parse("linux/x86_64"));
    assertEquals(new Platform("arm64", "linux", null), PlatformParam.parse("linux/arm64"));
    assertEquals(new Platform("arm64", "linux", null), PlatformParam.parse("linux/aarch64"));
    assertEquals(new Platform("arm64", "linux", "v8"), PlatformParam.parse("linux/arm64/v8"));
    assertEquals(new Platform("arm", "linux", null), PlatformParam.parse("linux/arm"));
    assertEquals(new Platform("arm", "linux", "v6"), PlatformParam.parse("linux/armel"));
    assertEquals(new Platform("arm", "linux", "v7"), PlatformParam.parse("linux/arm/7"));
    assertEquals(new Platform("arm64", "linux", null), PlatformParam.parse("arm64"));
    assertEquals(new Platform("amd64", "windows", null), PlatformParam.parse("windows"));
    assertEquals(new Platform("386", "linux", null), PlatformParam.parse("Linux/i386"));
    assertNull(PlatformParam.parse(""));
  }

  @Test
  void badPlatformsCarryContainerdsWords() {
    assertEquals("\"foo\": unknown operating system or architecture: invalid argument",
        assertThrows(InvalidParameterException.class, () -> PlatformParam.parse("foo")).getMessage());
    assertEquals("\"linux/*\": wildcards not yet supported: invalid argument",
        assertThrows(InvalidParameterException.class, () -> PlatformParam.parse("linux/*")).getMessage());
    assertEquals("\"a/b/c/d\": cannot parse platform specifier: invalid argument",
        assertThrows(InvalidParameterException.class, () -> PlatformParam.parse("a/b/c/d")).getMessage());
    assertEquals("\"a b\" is an invalid component of \"linux/a b\": platform specifier component must match "
        + "\"^[A-Za-z0-9_.-]+$\": invalid argument",
        assertThrows(InvalidParameterException.class, () -> PlatformParam.parse("linux/a b")).getMessage());
  }

  @Test
  void handlerReadsPlatformOnlyFromApi132AndDecodesTheAuthHeader() throws Exception {
    FakeRegistry registry = new FakeRegistry();
    ImagesCreateHandler handler = new ImagesCreateHandler(
        TestImages.service(dataRoot, new EventBus(), ContainerImageUsage.NONE), registry);
    FakeRequest old = new FakeRequest("POST", "/images/create").version(new ApiVersion(1, 31))
        .query("fromImage", "busybox").query("tag", "latest").query("platform", "nonsense");
    handler.handle(old, new FakeResponse());
    assertNull(registry.pulls.getFirst().platform());

    FakeResponse response = new FakeResponse();
    handler.handle(new FakeRequest("POST", "/images/create").query("fromImage", "busybox").query("tag", "latest")
        .query("platform", "linux/arm64").header("X-Registry-Auth", "eyJ1c2VybmFtZSI6InUiLCJwYXNzd29yZCI6InAifQ"),
        response);
    assertEquals(new Platform("arm64", "linux", null), registry.pulls.get(1).platform());
    assertEquals("u", registry.pulls.get(1).auth().username());
    assertEquals(200, response.status); // nothing reported: still an (empty) 200 stream, properly ended
    assertTrue(response.closed);
  }
}
