package io.jdocker.image.registry;

import static io.jdocker.image.registry.TestImages.commit;
import static io.jdocker.image.registry.TestImages.layer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.image.oci.Descriptor;
import io.jdocker.image.oci.ImageManifest;
import io.jdocker.image.oci.Json;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.ref.ImageReference;
import io.jdocker.image.store.BlobSource;
import io.jdocker.image.store.ImageStore;
import io.jdocker.image.store.StoreFixture;
import io.jdocker.image.store.StoredImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pushes that reuse what the store's distribution metadata knows: a layer the registry already
 * has under a known blob digest is "Layer already exists" without compressing it. To prove the
 * layer was not compressed, the tests delete its stored tar before pushing: compressing it would fail.
 */
class PushLayerReuseTest {
  private static final String NAME = "127.0.0.1:5000/x";

  @TempDir Path dataRoot;
  private ImageStore store;
  private final InMemoryRegistry registry = new InMemoryRegistry();
  private final InMemoryRegistry.Repo repo = registry.repo(NAME);

  @BeforeEach
  void openStore() throws Exception {
    store = StoreFixture.open(dataRoot);
  }

  private RecordingProgress push(ImageStore from, String ref) throws Exception {
    RecordingProgress progress = new RecordingProgress();
    new ImagePusher(from, registry).push(ImageReference.parse(ref), RegistryAuth.ANONYMOUS, progress);
    return progress;
  }

  private void deleteLayerTars(ImageStore from, StoredImage image) throws Exception {
    for (Digest diffId : image.diffIds()) {
      Files.delete(from.layerTar(diffId));
    }
  }

  private static List<String> layerDigests(InMemoryRegistry.Repo in, String tag) {
    ImageManifest m = Json.read(in.manifestAt(tag).bytes(), ImageManifest.class, "test manifest");
    return m.layers().stream().map(Descriptor::digest).toList();
  }

  @Test
  void secondPushDoesNotCompressAndGivesTheSameManifest() throws Exception {
    StoredImage image = commit(store, NAME + ":v1", layer("base"), layer("top"));
    push(store, NAME + ":v1");
    Digest first = repo.manifestAt("v1").digest();
    int uploads = repo.uploaded.size();

    deleteLayerTars(store, image);
    RecordingProgress second = push(store, NAME + ":v1");

    for (Digest diffId : image.diffIds()) {
      assertEquals(List.of("Preparing", "Layer already exists"), second.of(diffId.shortId()));
    }
    assertEquals(uploads, repo.uploaded.size());
    assertEquals(first, repo.manifestAt("v1").digest());
    assertEquals(0, StoreFixture.count(store.layout().tmpDir()));
  }

  @Test
  void metadataSurvivesReopeningTheStore() throws Exception {
    StoredImage image = commit(store, NAME + ":v1", layer("base"));
    push(store, NAME + ":v1");
    Digest first = repo.manifestAt("v1").digest();

    ImageStore reopened = StoreFixture.open(dataRoot);
    deleteLayerTars(reopened, image);
    RecordingProgress second = push(reopened, NAME + ":v1");

    assertEquals(List.of("Preparing", "Layer already exists"), second.of(image.diffIds().getFirst().shortId()));
    assertEquals(first, repo.manifestAt("v1").digest());
  }

  @Test
  void pullThenPushToTheSameRegistryReusesThePulledBlobs() throws Exception {
    byte[] base = layer("base");
    byte[] top = layer("top");
    TestImages.Published published = TestImages.publish(repo, "v1", base, top);
    new ImagePuller(store, registry).pull(ImageReference.parse(NAME + ":v1"), RegistryAuth.ANONYMOUS, null,
        ProgressSink.NONE);
    StoredImage image = store.image(published.imageId()).orElseThrow();
    store.tag(ImageReference.parse(NAME + ":v2"), image.id());

    deleteLayerTars(store, image);
    RecordingProgress progress = push(store, NAME + ":v2");

    for (Digest diffId : image.diffIds()) {
      assertEquals(List.of("Preparing", "Layer already exists"), progress.of(diffId.shortId()));
    }
    assertTrue(repo.uploaded.isEmpty());
    // The manifest names the registry's blobs (gzip from elsewhere), not what our gzip would give.
    assertEquals(published.layerDigests().stream().map(Digest::toString).toList(), layerDigests(repo, "v2"));
    ImageManifest pushed = Json.read(repo.manifestAt("v2").bytes(), ImageManifest.class, "pushed manifest");
    for (int i = 0; i < 2; i++) {
      assertEquals(repo.blobBytes(published.layerDigests().get(i)).length, pushed.layers().get(i).size());
    }
  }

  @Test
  void layersThatAlreadyExistedAtPullTimeAreRecordedToo() throws Exception {
    byte[] base = layer("base");
    InMemoryRegistry.Repo a = registry.repo("127.0.0.1:5000/a");
    InMemoryRegistry.Repo b = registry.repo("127.0.0.1:5000/b");
    TestImages.publish(a, "v1", base);
    TestImages.Published fromB = TestImages.publish(b, "v1", base, layer("top"));
    ImagePuller puller = new ImagePuller(store, registry);
    puller.pull(ImageReference.parse("127.0.0.1:5000/a:v1"), RegistryAuth.ANONYMOUS, null, ProgressSink.NONE);
    RecordingProgress progress = new RecordingProgress();
    puller.pull(ImageReference.parse("127.0.0.1:5000/b:v1"), RegistryAuth.ANONYMOUS, null, progress);
    assertEquals(List.of("Already exists"), progress.of(fromB.layerId(0)));
    // The whole image is already stored: still recorded, for this repository.
    puller.pull(ImageReference.parse("127.0.0.1:5000/a:v1"), RegistryAuth.ANONYMOUS, null, ProgressSink.NONE);

    Digest baseDiffId = Digest.of(base);
    long size = a.blobBytes(fromB.layerDigests().getFirst()).length;
    assertEquals(List.of(BlobSource.of(fromB.layerDigests().getFirst(), size, "127.0.0.1:5000/a"),
        BlobSource.of(fromB.layerDigests().getFirst(), size, "127.0.0.1:5000/b")),
        store.distribution().sources(baseDiffId));
  }

  @Test
  void aBlobKnownInAnotherRepositoryOfTheSameRegistryIsAskedFor() throws Exception {
    StoredImage image = commit(store, NAME + ":v1", layer("base"));
    push(store, NAME + ":v1");
    InMemoryRegistry.Repo other = registry.repo("127.0.0.1:5000/y");
    Digest blob = Digest.parse(layerDigests(repo, "v1").getFirst());
    other.putBlob(repo.blobBytes(blob));
    store.tag(ImageReference.parse("127.0.0.1:5000/y:v1"), image.id());

    deleteLayerTars(store, image);
    RecordingProgress progress = push(store, "127.0.0.1:5000/y:v1");

    assertEquals(List.of("Preparing", "Layer already exists"), progress.of(image.diffIds().getFirst().shortId()));
    assertEquals(repo.manifestAt("v1").digest(), other.manifestAt("v1").digest());
    assertEquals("127.0.0.1:5000/y", store.distribution().sources(image.diffIds().getFirst()).getFirst().repository());
  }

  @Test
  void pushToAnotherRegistryHostCompressesAndUploads() throws Exception {
    StoredImage image = commit(store, NAME + ":v1", layer("base"));
    push(store, NAME + ":v1");
    // The other host has the blob too: only a HEAD after compressing may find it there.
    InMemoryRegistry.Repo elsewhere = registry.repo("127.0.0.1:6000/x");
    Digest blob = Digest.parse(layerDigests(repo, "v1").getFirst());
    elsewhere.putBlob(repo.blobBytes(blob));
    store.tag(ImageReference.parse("127.0.0.1:6000/x:v1"), image.id());
    Path tar = store.layerTar(image.diffIds().getFirst());
    byte[] saved = Files.readAllBytes(tar);
    Files.delete(tar);

    Exception e = org.junit.jupiter.api.Assertions.assertThrows(java.nio.file.NoSuchFileException.class,
        () -> push(store, "127.0.0.1:6000/x:v1"));
    assertTrue(e.getMessage().contains(image.diffIds().getFirst().hex()), e.getMessage());

    Files.write(tar, saved);
    elsewhere.deleteBlob(blob);
    RecordingProgress progress = push(store, "127.0.0.1:6000/x:v1");
    String id = image.diffIds().getFirst().shortId();
    assertEquals("Pushed", progress.of(id).getLast());
    assertEquals(List.of(blob, image.id()), elsewhere.uploaded);
    assertEquals(repo.manifestAt("v1").digest(), elsewhere.manifestAt("v1").digest());
  }

  @Test
  void aKnownBlobTheRegistryNoLongerHasIsCompressedAndUploadedAgain() throws Exception {
    StoredImage image = commit(store, NAME + ":v1", layer("base"), layer("top"));
    push(store, NAME + ":v1");
    Digest first = repo.manifestAt("v1").digest();
    Digest gone = Digest.parse(layerDigests(repo, "v1").getFirst());
    repo.deleteBlob(gone);
    repo.uploaded.clear();

    RecordingProgress second = push(store, NAME + ":v1");

    String base = image.diffIds().getFirst().shortId();
    assertEquals("Pushed", second.of(base).getLast());
    assertEquals(List.of("Preparing", "Layer already exists"), second.of(image.diffIds().get(1).shortId()));
    assertEquals(List.of(gone), repo.uploaded);
    assertEquals(first, repo.manifestAt("v1").digest());
    assertEquals(List.of(BlobSource.of(gone, repo.blobBytes(gone).length, NAME)),
        store.distribution().sources(image.diffIds().getFirst()));
  }

  @Test
  void corruptMetadataIsIgnored() throws Exception {
    StoredImage image = commit(store, NAME + ":v1", layer("base"));
    push(store, NAME + ":v1");
    Digest first = repo.manifestAt("v1").digest();
    Digest diffId = image.diffIds().getFirst();
    Files.writeString(store.layout().distributionRecord(diffId), "{corrupt");

    RecordingProgress second = push(store, NAME + ":v1");

    // Compressed again (the HEAD after it finds the blob), and the record is whole again.
    assertEquals(List.of("Preparing", "Layer already exists"), second.of(diffId.shortId()));
    assertEquals(first, repo.manifestAt("v1").digest());
    assertEquals(1, store.distribution().sources(diffId).size());
    deleteLayerTars(store, image);
    assertEquals(List.of("Preparing", "Layer already exists"), push(store, NAME + ":v1").of(diffId.shortId()));
  }
}
