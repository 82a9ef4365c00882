package io.jdocker.image.registry;

import static io.jdocker.image.registry.TestImages.layer;
import static io.jdocker.image.registry.TestImages.publish;
import static io.jdocker.image.store.StoreFixture.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.errdefs.NotFoundException;
import io.jdocker.image.oci.Platform;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.ref.ImageReference;
import io.jdocker.image.registry.TestImages.Published;
import io.jdocker.image.store.ImageStore;
import io.jdocker.image.store.StoreFixture;
import io.jdocker.image.store.StoredImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ImagePullerTest {
  private static final String NAME = "127.0.0.1:5000/x";

  @TempDir Path dataRoot;
  private ImageStore store;
  private final InMemoryRegistry registry = new InMemoryRegistry();
  private final InMemoryRegistry.Repo repo = registry.repo(NAME);
  private final RecordingProgress progress = new RecordingProgress();

  @BeforeEach
  void openStore() throws Exception {
    store = StoreFixture.open(dataRoot);
  }

  private ImagePuller.Result pull(String ref) throws Exception {
    return new ImagePuller(store, registry).pull(ImageReference.parse(ref), RegistryAuth.ANONYMOUS, null, progress);
  }

  private static List<String> layerSteps(long size) {
    return List.of("Pulling fs layer", "Downloading " + size + "/" + size, "Verifying Checksum",
        "Download complete", "Extracting " + size + "/" + size, "Pull complete");
  }

  private long blobSize(Digest d) {
    return repo.blobBytes(d).length;
  }

  @Test
  void pullsOneLayerWithDockersProgress() throws Exception {
    byte[] tar = layer("one");
    Published image = publish(repo, "v1", tar);
    ImagePuller.Result result = pull(NAME + ":v1");

    String id = image.layerId(0);
    long size = blobSize(image.layerDigests().getFirst());
    assertEquals(List.of("v1: Pulling from x", id + ": Pulling fs layer", id + ": Downloading " + size + "/" + size,
        id + ": Verifying Checksum", id + ": Download complete", id + ": Extracting " + size + "/" + size,
        id + ": Pull complete", "Digest: " + image.manifestDigest(),
        "Status: Downloaded newer image for 127.0.0.1:5000/x:v1"), progress.lines());
    assertEquals(new ImagePuller.Result(image.imageId(), image.manifestDigest(), ImageReference.parse(NAME + ":v1"), true),
        result);
    StoredImage stored = store.image(image.imageId()).orElseThrow();
    assertEquals(List.of(Digest.of(tar)), stored.diffIds());
    assertEquals("content of one", Files.readString(store.layerDiff(stored.chainIds().getFirst()).resolve("one/file")));
    assertEquals(java.util.Set.of(ImageReference.parse(NAME + ":v1"), ImageReference.parse(NAME + "@" + image.manifestDigest())),
        java.util.Set.copyOf(store.references(image.imageId())));
    assertEquals(0, count(store.layout().tmpDir()));
  }

  @Test
  void layersDownloadOneAtATimeAndExtractBottomUp() throws Exception {
    Published image = publish(repo, "v1", layer("base"), layer("top"));
    new ImagePuller(store, registry, 1).pull(ImageReference.parse(NAME + ":v1"), RegistryAuth.ANONYMOUS, null, progress);

    String a = image.layerId(0);
    String b = image.layerId(1);
    List<String> lines = progress.lines();
    assertEquals(List.of("v1: Pulling from x", a + ": Pulling fs layer", b + ": Pulling fs layer", b + ": Waiting"),
        lines.subList(0, 4));
    assertEquals(List.of("Digest: " + image.manifestDigest(), "Status: Downloaded newer image for 127.0.0.1:5000/x:v1"),
        lines.subList(lines.size() - 2, lines.size()));
    assertEquals(layerSteps(blobSize(image.layerDigests().get(0))), progress.of(a));
    List<String> top = new java.util.ArrayList<>(layerSteps(blobSize(image.layerDigests().get(1))));
    top.add(1, "Waiting");
    assertEquals(top, progress.of(b));
    assertEquals(1 + 6 + 7 + 2, lines.size());
    assertTrue(lines.indexOf(a + ": Download complete") < lines.indexOf(b + ": Verifying Checksum"), lines.toString());
    assertTrue(lines.indexOf(a + ": Pull complete") < lines.indexOf(b + ": Pull complete") - 1, lines.toString());
  }

  @Test
  void largeLayerReportsThrottledDownloadProgress() throws Exception {
    byte[] noise = new byte[1_600_000];
    new Random(7).nextBytes(noise);
    byte[] tar = io.jdocker.image.testing.Tars.create().file("noise", noise).bytes();
    Published image = publish(repo, "v1", tar);
    pull(NAME + ":v1");

    long size = blobSize(image.layerDigests().getFirst());
    List<String> downloading = progress.of(image.layerId(0)).stream().filter(l -> l.startsWith("Downloading")).toList();
    assertEquals("Downloading " + size + "/" + size, downloading.getLast());
    assertTrue(downloading.size() <= size / ProgressThrottle.BYTES_BETWEEN + 1, downloading.toString());
  }

  @Test
  void sharedLayersAlreadyExistAndAreNotFetched() throws Exception {
    byte[] base = layer("base");
    publish(repo, "base", base);
    pull(NAME + ":base");
    Published image = publish(repo, "v1", base, layer("top"));
    repo.fetched.clear();
    RecordingProgress second = new RecordingProgress();
    new ImagePuller(store, registry).pull(ImageReference.parse(NAME + ":v1"), RegistryAuth.ANONYMOUS, null, second);

    assertEquals(List.of("Already exists"), second.of(image.layerId(0)));
    assertEquals(layerSteps(blobSize(image.layerDigests().get(1))), second.of(image.layerId(1)));
    assertFalse(repo.fetched.contains(image.layerDigests().get(0)));
    StoredImage stored = store.image(image.imageId()).orElseThrow();
    assertEquals(2, stored.layers().size());
    assertTrue(Files.isDirectory(store.layerDiff(stored.chainIds().get(1)).resolve("top")));
    assertEquals(0, count(store.layout().tmpDir()));
  }

  @Test
  void secondPullIsUpToDate() throws Exception {
    Published image = publish(repo, "v1", layer("one"));
    pull(NAME + ":v1");
    RecordingProgress second = new RecordingProgress();
    ImagePuller.Result result = new ImagePuller(store, registry)
        .pull(ImageReference.parse(NAME + ":v1"), RegistryAuth.ANONYMOUS, null, second);

    assertFalse(result.downloaded());
    assertEquals(List.of("v1: Pulling from x", "Digest: " + image.manifestDigest(),
        "Status: Image is up to date for 127.0.0.1:5000/x:v1"), second.lines());
  }

  @Test
  void knownImageUnderANewTagIsTaggedWithoutDownloading() throws Exception {
    Published image = publish(repo, "v1", layer("one"));
    repo.putManifest("v2", TestImages.DOCKER_MANIFEST, image.manifest());
    pull(NAME + ":v1");
    repo.fetched.clear();
    RecordingProgress second = new RecordingProgress();
    ImagePuller.Result result = new ImagePuller(store, registry)
        .pull(ImageReference.parse(NAME + ":v2"), RegistryAuth.ANONYMOUS, null, second);

    assertTrue(result.downloaded());
    assertEquals(List.of("v2: Pulling from x", "Digest: " + image.manifestDigest(),
        "Status: Downloaded newer image for 127.0.0.1:5000/x:v2"), second.lines());
    assertEquals(List.of(image.imageId()), repo.fetched);
    assertEquals(image.imageId(), store.lookup(ImageReference.parse(NAME + ":v2")).orElseThrow());
  }

  @Test
  void pullsByDigest() throws Exception {
    Published image = publish(repo, "v1", layer("one"));
    String digested = NAME + "@" + image.manifestDigest();
    ImagePuller.Result result = pull(digested);

    List<String> lines = progress.lines();
    assertEquals(image.manifestDigest() + ": Pulling from x", lines.getFirst());
    assertEquals("Status: Downloaded newer image for " + digested, lines.getLast());
    assertEquals(ImageReference.parse(digested), result.reference());
    assertEquals(List.of(ImageReference.parse(digested)), store.references(image.imageId()));
  }

  @Test
  void officialDockerHubImagesUseDockersNames() throws Exception {
    Published image = publish(registry.repo("docker.io/library/busybox"), "latest", layer("bb"));
    ImagePuller.Result result = pull("busybox:latest");

    List<String> lines = progress.lines();
    assertEquals("latest: Pulling from library/busybox", lines.getFirst());
    assertEquals("Status: Downloaded newer image for busybox:latest", lines.getLast());
    assertEquals(image.imageId(), result.imageId());
    assertTrue(store.lookup(ImageReference.parse("busybox@" + image.manifestDigest())).isPresent());
  }

  @Test
  void unknownTagFailsBeforeAnyProgress() {
    NotFoundException e = assertThrows(NotFoundException.class, () -> pull(NAME + ":nope"));
    assertEquals("manifest for " + NAME + ":nope not found: manifest unknown: manifest unknown", e.getMessage());
    assertTrue(progress.isEmpty());
  }

  @Test
  void ociManifestWithUncompressedGzipAndZstdLayers() throws Exception {
    for (String type : List.of(TestImages.OCI_TAR, TestImages.OCI_GZIP, TestImages.OCI_ZSTD, TestImages.DOCKER_GZIP)) {
      byte[] tar = layer("l-" + type.hashCode());
      Published image = publish(repo, "t" + Math.abs(type.hashCode()), TestImages.OCI_MANIFEST, type,
          TestImages.config("amd64", tar), tar);
      pull(NAME + ":t" + Math.abs(type.hashCode()));
      StoredImage stored = store.image(image.imageId()).orElseThrow();
      assertEquals(List.of(Digest.of(tar)), stored.diffIds(), type);
      assertTrue(Files.isRegularFile(store.layerDiff(stored.chainIds().getFirst()).resolve("l-" + type.hashCode() + "/file")));
    }
  }

  @Test
  void foreignLayersAreRefusedBeforeAnyProgress() {
    byte[] tar = layer("win");
    publish(repo, "v1", TestImages.DOCKER_MANIFEST, "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip",
        TestImages.config("amd64", tar), tar);
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> pull(NAME + ":v1"));
    assertTrue(e.getMessage().contains("foreign (non-distributable) layer"), e.getMessage());
    assertTrue(progress.isEmpty());
  }

  @Test
  void layerCountMustMatchDiffIds() {
    byte[] tar = layer("one");
    publish(repo, "v1", TestImages.DOCKER_MANIFEST, TestImages.DOCKER_GZIP, TestImages.config("amd64", tar, tar), tar);
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> pull(NAME + ":v1"));
    assertTrue(e.getMessage().contains("lists 1 layers but image config"), e.getMessage());
    assertTrue(progress.isEmpty());
  }

  @Test
  void badConfigDigestIsRefusedBeforeAnyProgress() throws Exception {
    Published image = publish(repo, "v1", layer("one"));
    repo.serveInstead(image.imageId(), "{\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}".getBytes());
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> pull(NAME + ":v1"));
    assertTrue(e.getMessage().startsWith("digest mismatch for image config " + image.imageId()), e.getMessage());
    assertTrue(progress.isEmpty());
    assertNothingStored();
  }

  @Test
  void layerDigestMismatchLeavesNothingBehind() throws Exception {
    Published image = publish(repo, "v1", layer("base"), layer("top"));
    repo.serveInstead(image.layerDigests().get(1), TestImages.compress(layer("evil"), TestImages.DOCKER_GZIP));
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> pull(NAME + ":v1"));
    assertTrue(e.getMessage().startsWith("digest mismatch for layer " + image.layerDigests().get(1)), e.getMessage());
    assertFalse(progress.isEmpty());
    assertFalse(progress.lines().contains(image.layerId(1) + ": Download complete"));
    assertNothingStored();
  }

  @Test
  void failureAfterALayerWasExtractedDiscardsIt() throws Exception {
    Published image = publish(repo, "v1", layer("base"), layer("top"));
    // The top layer is served (wrongly) only once the base layer is prepared, so there is something to discard.
    CountDownLatch baseDone = new CountDownLatch(1);
    repo.holdBlob(image.layerDigests().get(1), baseDone);
    repo.serveInstead(image.layerDigests().get(1), TestImages.compress(layer("evil"), TestImages.DOCKER_GZIP));
    ProgressSink watching = new ProgressSink() {
      @Override
      public void message(String id, String status) {
        progress.message(id, status);
      }

      @Override
      public void layer(String id, String status, long current, long total) {
        progress.layer(id, status, current, total);
        if (id.equals(image.layerId(0)) && status.equals("Pull complete")) {
          baseDone.countDown();
        }
      }
    };
    assertThrows(InvalidParameterException.class, () -> new ImagePuller(store, registry)
        .pull(ImageReference.parse(NAME + ":v1"), RegistryAuth.ANONYMOUS, null, watching));
    assertTrue(progress.lines().contains(image.layerId(0) + ": Pull complete"));
    assertNothingStored();
  }

  @Test
  @Timeout(20)
  void failedLayerStopsTheOtherDownloads() throws Exception {
    Published image = publish(repo, "v1", layer("base"), layer("top"));
    CountDownLatch stalledReading = new CountDownLatch(1);
    repo.stallBlob(image.layerDigests().get(1), stalledReading);
    // The base fails only once the top's download hangs in a read: the pull must not wait for it.
    repo.holdBlob(image.layerDigests().get(0), stalledReading);
    repo.serveInstead(image.layerDigests().get(0), new byte[] {1, 2, 3});
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> pull(NAME + ":v1"));
    assertTrue(e.getMessage().startsWith("digest mismatch for layer " + image.layerDigests().get(0)), e.getMessage());
    assertNothingStored();
  }

  @Test
  void oversizedLayerIsRefused() throws Exception {
    Published image = publish(repo, "v1", layer("one"));
    byte[] blob = repo.blobBytes(image.layerDigests().getFirst());
    repo.serveInstead(image.layerDigests().getFirst(), java.util.Arrays.copyOf(blob, blob.length + 100));
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> pull(NAME + ":v1"));
    assertEquals("size mismatch for layer " + image.layerDigests().getFirst() + ": the manifest says " + blob.length
        + " bytes, the registry sent more", e.getMessage());
    assertNothingStored();
  }

  @Test
  void manifestSizeOfALayerMustBeRight() throws Exception {
    Published image = publish(repo, "v1", layer("one"));
    long size = repo.blobBytes(image.layerDigests().getFirst()).length;
    repo.putManifest("v1", TestImages.DOCKER_MANIFEST, image.manifest().replace("\"size\":" + size, "\"size\":" + (size + 1)));
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> pull(NAME + ":v1"));
    assertEquals("size mismatch for layer " + image.layerDigests().getFirst() + ": the manifest says " + (size + 1)
        + " bytes, the registry sent " + size, e.getMessage());
    assertNothingStored();
  }

  @Test
  void wrongDiffIdIsRefusedAndLeavesNothingBehind() throws Exception {
    byte[] base = layer("base");
    byte[] top = layer("top");
    // The config claims another tar for the top layer: the blobs are intact, their content is not the image's.
    publish(repo, "v1", TestImages.DOCKER_MANIFEST, TestImages.DOCKER_GZIP, TestImages.config("amd64", base, layer("other")),
        base, top);
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> pull(NAME + ":v1"));
    assertTrue(e.getMessage().startsWith("invalid diffID for layer "), e.getMessage());
    assertNothingStored();
  }

  @Test
  void indexPicksTheWantedPlatform() throws Exception {
    Published amd64 = publish(repo, null, layer("amd64"));
    byte[] armTar = layer("arm64");
    Published arm64 = publish(repo, null, TestImages.DOCKER_MANIFEST, TestImages.DOCKER_GZIP,
        TestImages.config("arm64", armTar), armTar);
    String attestation = "{\"mediaType\":\"" + TestImages.OCI_MANIFEST + "\",\"digest\":\"" + Digest.of(new byte[1])
        + "\",\"size\":1,\"platform\":{\"architecture\":\"unknown\",\"os\":\"unknown\"}}";
    Digest index = repo.putManifest("v1", TestImages.OCI_INDEX, "{\"schemaVersion\":2,\"mediaType\":\""
        + TestImages.OCI_INDEX + "\",\"manifests\":[" + attestation + "," + TestImages.entry(arm64, "linux/arm64/v8")
        + "," + TestImages.entry(amd64, "linux/amd64") + "]}");

    ImagePuller.Result result = pull(NAME + ":v1");
    assertEquals(amd64.imageId(), result.imageId());
    assertEquals(index, result.manifestDigest());
    assertTrue(progress.lines().contains("Digest: " + index));
    assertEquals(amd64.imageId(), store.lookup(ImageReference.parse(NAME + "@" + index)).orElseThrow());

    ImagePuller.Result arm = new ImagePuller(store, registry).pull(ImageReference.parse(NAME + ":v1"),
        RegistryAuth.ANONYMOUS, new Platform("arm64", "linux", "v8"), new RecordingProgress());
    assertEquals(arm64.imageId(), arm.imageId());
  }

  @Test
  void indexWithoutTheWantedPlatformIsNotFound() {
    byte[] armTar = layer("arm");
    Published arm = publish(repo, null, TestImages.DOCKER_MANIFEST, TestImages.DOCKER_GZIP,
        TestImages.config("arm", armTar), armTar);
    repo.putManifest("v1", TestImages.DOCKER_LIST, "{\"schemaVersion\":2,\"mediaType\":\"" + TestImages.DOCKER_LIST
        + "\",\"manifests\":[" + TestImages.entry(arm, "linux/arm/v7") + "]}");
    NotFoundException e = assertThrows(NotFoundException.class, () -> pull(NAME + ":v1"));
    assertEquals("no matching manifest for linux/amd64 in the manifest list entries", e.getMessage());
    assertTrue(progress.isEmpty());
  }

  @Test
  void explicitPlatformMustMatchASinglePlatformImage() {
    publish(repo, "v1", layer("one"));
    NotFoundException e = assertThrows(NotFoundException.class, () -> new ImagePuller(store, registry).pull(
        ImageReference.parse(NAME + ":v1"), RegistryAuth.ANONYMOUS, new Platform("arm64", "linux", null), progress));
    assertTrue(e.getMessage().contains("wanted linux/arm64, actual: linux/amd64"), e.getMessage());
    assertTrue(progress.isEmpty());
  }

  @Test
  void schema1ManifestsAreRefused() {
    repo.putManifest("old", "application/vnd.docker.distribution.manifest.v1+prettyjws",
        "{\"schemaVersion\":1,\"name\":\"x\",\"tag\":\"old\",\"fsLayers\":[]}");
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> pull(NAME + ":old"));
    assertTrue(e.getMessage().startsWith("[DEPRECATION NOTICE]"), e.getMessage());
  }

  @Test
  void pullsAllTags() throws Exception {
    Published v1 = publish(repo, "v1", layer("one"));
    Published v2 = publish(repo, "v2", layer("two"));
    List<ImagePuller.Result> results = new ImagePuller(store, registry).pullAllTags(ImageReference.parse(NAME),
        RegistryAuth.ANONYMOUS, null, progress);

    assertEquals(List.of(v1.imageId(), v2.imageId()), results.stream().map(ImagePuller.Result::imageId).toList());
    List<String> lines = progress.lines();
    assertEquals("v1: Pulling from x", lines.getFirst());
    assertTrue(lines.contains("v2: Pulling from x"));
    assertTrue(lines.contains("Digest: " + v1.manifestDigest()));
    assertTrue(lines.contains("Digest: " + v2.manifestDigest()));
    assertEquals(1, lines.stream().filter(l -> l.startsWith("Status:")).count());
    assertEquals("Status: Downloaded newer image for 127.0.0.1:5000/x", lines.getLast());
    assertEquals(v2.imageId(), store.lookup(ImageReference.parse(NAME + ":v2")).orElseThrow());
  }

  private void assertNothingStored() throws Exception {
    assertEquals(0, store.count());
    assertTrue(store.allReferences().isEmpty());
    assertEquals(0, count(store.layout().layersDir()));
    assertEquals(0, count(store.layout().blobsDir()));
    assertEquals(0, count(store.layout().tmpDir()));
  }
}
