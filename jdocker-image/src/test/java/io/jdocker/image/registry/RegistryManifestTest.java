package io.jdocker.image.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.errdefs.NotFoundException;
import io.jdocker.image.oci.MediaTypes;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.ref.ImageReference;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fetching manifests, tags and blobs from a fake registry reached over plain HTTP. */
class RegistryManifestTest {
  private static final byte[] MANIFEST =
      ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.DOCKER_MANIFEST + "\",\"config\":{},\"layers\":[]}")
          .getBytes(StandardCharsets.UTF_8);

  private FakeRegistry registry;
  private RegistryClient client;

  @BeforeEach
  void start() throws IOException {
    registry = FakeRegistry.start();
    client = new RegistryClient(RegistryHosts.defaults());
  }

  @AfterEach
  void stop() {
    client.close();
    registry.close();
  }

  private RegistryRepository open(String repo) throws IOException {
    return client.open(ImageReference.parse(registry.host() + "/" + repo), RegistryAuth.ANONYMOUS, false);
  }

  @Test
  void fetchesByTagAndByDigestSendingEveryAcceptedType() throws IOException {
    Digest digest = registry.putManifest("app", "v1", MediaTypes.DOCKER_MANIFEST, MANIFEST);
    RegistryRepository repo = open("app");

    FetchedManifest byTag = repo.manifest("v1");
    FetchedManifest byDigest = repo.manifest(digest.toString());

    assertEquals(digest, byTag.digest());
    assertArrayEquals(MANIFEST, byTag.bytes());
    assertEquals(MediaTypes.DOCKER_MANIFEST, byTag.mediaType());
    assertArrayEquals(MANIFEST, byDigest.bytes());
    assertEquals(digest, byDigest.digest());
    String accept = registry.requests("/v2/app/manifests/v1").getFirst().header("Accept");
    for (String type : List.of(MediaTypes.OCI_INDEX, MediaTypes.OCI_MANIFEST, MediaTypes.DOCKER_MANIFEST_LIST,
        MediaTypes.DOCKER_MANIFEST)) {
      assertTrue(accept.contains(type), accept);
    }
    assertFalse(accept.contains("v1+prettyjws"), accept);
  }

  @Test
  void refusesBytesThatDoNotHashToTheDigestAskedFor() throws IOException {
    Digest claimed = Digest.of("something else".getBytes(StandardCharsets.UTF_8));
    registry.putRawManifest("app", claimed.toString(), MediaTypes.OCI_MANIFEST, MANIFEST);

    InvalidParameterException e =
        assertThrows(InvalidParameterException.class, () -> open("app").manifest(claimed.toString()));
    assertEquals("manifest verification failed for digest " + claimed, e.getMessage());
  }

  @Test
  void takesTheMediaTypeFromTheDocumentWhenTheHeaderIsPlainJson() throws IOException {
    byte[] index = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\",\"manifests\":[]}")
        .getBytes(StandardCharsets.UTF_8);
    registry.putManifest("app", "multi", "application/json", index);

    assertEquals(MediaTypes.OCI_INDEX, open("app").manifest("multi").mediaType());
  }

  @Test
  void refusesSchema1ByContentTypeOrByDocument() throws IOException {
    byte[] schema1 = "{\"schemaVersion\":1,\"name\":\"app\",\"tag\":\"old\",\"fsLayers\":[]}"
        .getBytes(StandardCharsets.UTF_8);
    registry.putManifest("app", "old", "application/vnd.docker.distribution.manifest.v1+prettyjws", schema1);
    registry.putManifest("app", "older", "application/json", schema1);
    RegistryRepository repo = open("app");

    for (String tag : List.of("old", "older")) {
      InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> repo.manifest(tag));
      assertEquals("support Docker Image manifest version 2, schema 1 has been removed. "
          + "More information at https://docs.docker.com/go/deprecated-image-specs/", e.getMessage());
    }
  }

  @Test
  void unknownManifestIsNotFoundInDistributionsWords() throws IOException {
    registry.putManifest("app", "v1", MediaTypes.DOCKER_MANIFEST, MANIFEST);

    NotFoundException e = assertThrows(NotFoundException.class, () -> open("app").manifest("nope"));
    assertEquals("manifest unknown: manifest unknown", e.getMessage());
  }

  @Test
  void followsTagPagination() throws IOException {
    for (String tag : List.of("e", "a", "d", "b", "c")) {
      registry.putManifest("app", tag, MediaTypes.DOCKER_MANIFEST, MANIFEST);
    }
    registry.tagPageSize(2);

    assertEquals(List.of("a", "b", "c", "d", "e"), open("app").tags());
    assertEquals(3, registry.requests("/v2/app/tags/list").size());
  }

  @Test
  void tagsOfAnUnknownRepositoryAreNotFound() throws IOException {
    NotFoundException e = assertThrows(NotFoundException.class, () -> open("ghost").tags());
    assertEquals("name unknown: repository name not known to registry", e.getMessage());
  }

  @Test
  void nextPageLinkResolvesAgainstThePage() {
    URI page = URI.create("http://r:5000/v2/a/tags/list");
    assertEquals(URI.create("http://r:5000/v2/a/tags/list?last=b&n=2"),
        RemoteRepository.nextPage(page, "</v2/a/tags/list?last=b&n=2>; rel=\"next\""));
    assertNull(RemoteRepository.nextPage(page, "</v2/a/tags/list?n=2>; rel=\"prev\""));
    assertNull(RemoteRepository.nextPage(page, null));
  }

  @Test
  void readsBlobsAndSaysWhichExist() throws IOException {
    byte[] content = "layer bytes".getBytes(StandardCharsets.UTF_8);
    Digest digest = registry.putBlob("app", content);
    Digest missing = Digest.of("missing".getBytes(StandardCharsets.UTF_8));
    RegistryRepository repo = open("app");

    try (BlobStream blob = repo.blob(digest)) {
      assertEquals(content.length, blob.size());
      assertArrayEquals(content, blob.in().readAllBytes());
    }
    assertTrue(repo.hasBlob(digest));
    assertFalse(repo.hasBlob(missing));
    NotFoundException e = assertThrows(NotFoundException.class, () -> repo.blob(missing));
    assertEquals("blob unknown: blob unknown to registry", e.getMessage());
  }
}
