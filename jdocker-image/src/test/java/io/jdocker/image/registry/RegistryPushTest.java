package io.jdocker.image.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.image.oci.MediaTypes;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.ref.ImageReference;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploading blobs and manifests. */
class RegistryPushTest {
  @TempDir Path dir;
  private FakeRegistry registry;
  private RegistryClient client;

  @BeforeEach
  void start() throws IOException {
    registry = FakeRegistry.start().requireBearer("alice", "s3cret");
    client = new RegistryClient(RegistryHosts.defaults());
  }

  @AfterEach
  void stop() {
    client.close();
    registry.close();
  }

  private RegistryRepository open() throws IOException {
    return client.open(ImageReference.parse(registry.host() + "/app"),
        new RegistryAuth("alice", "s3cret", null, null), true);
  }

  @Test
  void uploadsMonolithicallyReportingBytesSent() throws IOException {
    byte[] content = new byte[300_000];
    new Random(7).nextBytes(content);
    Path file = Files.write(dir.resolve("layer"), content);
    Digest digest = Digest.of(content);
    List<Long> progress = new ArrayList<>();
    RegistryRepository repo = open();

    assertFalse(repo.hasBlob(digest));
    repo.uploadBlob(digest, file, progress::add);

    assertArrayEquals(content, registry.blob("app", digest).orElseThrow());
    assertTrue(repo.hasBlob(digest));
    assertEquals(content.length, progress.getLast());
    for (int i = 1; i < progress.size(); i++) {
      assertTrue(progress.get(i) > progress.get(i - 1), progress.toString());
    }
    FakeRegistry.Request put = registry.requests().stream().filter(r -> r.method().equals("PUT")).findFirst()
        .orElseThrow();
    assertEquals("application/octet-stream", put.header("Content-Type"));
    assertEquals(String.valueOf(content.length), put.header("Content-Length"));
    assertTrue(put.params().get("_state").startsWith("s-"), "the location's own query is kept");
    assertEquals(digest.toString(), put.params().get("digest"));
  }

  @Test
  void aDigestTheContentDoesNotMatchIsRefused() throws IOException {
    Path file = Files.writeString(dir.resolve("layer"), "content");
    Digest wrong = Digest.of("other".getBytes(StandardCharsets.UTF_8));

    InvalidParameterException e =
        assertThrows(InvalidParameterException.class, () -> open().uploadBlob(wrong, file, n -> {}));
    assertEquals("digest invalid: provided digest did not match uploaded content", e.getMessage());
  }

  @Test
  void putsAManifestUnderATag() throws IOException {
    byte[] manifest = "{\"schemaVersion\":2,\"config\":{},\"layers\":[]}".getBytes(StandardCharsets.UTF_8);

    Digest digest = open().putManifest("v1", MediaTypes.DOCKER_MANIFEST, manifest);

    assertEquals(Digest.of(manifest), digest);
    FakeRegistry.Manifest stored = registry.manifest("app", "v1").orElseThrow();
    assertEquals(MediaTypes.DOCKER_MANIFEST, stored.mediaType());
    assertArrayEquals(manifest, stored.bytes());
  }

  @Test
  void uploadLocationKeepsItsQuery() {
    Digest d = Digest.of(new byte[0]);
    assertEquals(URI.create("http://r/u/1?_state=x&digest=sha256%3A" + d.hex()),
        RemoteRepository.withDigest(URI.create("http://r/u/1?_state=x"), d));
    assertEquals(URI.create("http://r/u/1?digest=sha256%3A" + d.hex()),
        RemoteRepository.withDigest(URI.create("http://r/u/1"), d));
  }
}
