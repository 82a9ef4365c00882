package io.jdocker.image.registry;

import static io.jdocker.image.registry.TestImages.commit;
import static io.jdocker.image.registry.TestImages.layer;
import static io.jdocker.image.store.StoreFixture.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.errdefs.NotFoundException;
import io.jdocker.image.oci.ImageManifest;
import io.jdocker.image.oci.Json;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.ref.ImageReference;
import io.jdocker.image.store.ImageStore;
import io.jdocker.image.store.StoreFixture;
import io.jdocker.image.store.StoredImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagePusherTest {
  private static final String NAME = "127.0.0.1:5000/x";

  @TempDir Path dataRoot;
  private ImageStore store;
  private final InMemoryRegistry registry = new InMemoryRegistry();
  private final InMemoryRegistry.Repo repo = registry.repo(NAME);

  @BeforeEach
  void openStore() throws Exception {
    store = StoreFixture.open(dataRoot);
  }

  private RecordingProgress push(String ref, int parallel) throws Exception {
    RecordingProgress progress = new RecordingProgress();
    new ImagePusher(store, registry, parallel).push(ImageReference.parse(ref), RegistryAuth.ANONYMOUS, progress);
    return progress;
  }

  private ImageManifest manifest(String tag) {
    return Json.read(repo.manifestAt(tag).bytes(), ImageManifest.class, "test manifest");
  }

  @Test
  void pushesLayersConfigAndASchema2Manifest() throws Exception {
    StoredImage image = commit(store, NAME + ":v1", layer("base"), layer("top"));
    RecordingProgress progress = push(NAME + ":v1", 1);

    ImageManifest manifest = manifest("v1");
    Digest digest = repo.manifestAt("v1").digest();
    long manifestSize = repo.manifestAt("v1").bytes().length;
    String base = image.diffIds().get(0).shortId();
    String top = image.diffIds().get(1).shortId();
    long baseSize = manifest.layers().get(0).size();
    long topSize = manifest.layers().get(1).size();
    List<String> lines = progress.lines();
    assertEquals(List.of("The push refers to repository [127.0.0.1:5000/x]", top + ": Preparing", base + ": Preparing",
        base + ": Waiting"), lines.subList(0, 4));
    // The registry reports half the bytes first; below 512 KiB only the final count is shown.
    assertEquals(List.of("Preparing", "Pushing " + topSize + "/" + topSize, "Pushed"), progress.of(top));
    assertEquals(List.of("Preparing", "Waiting", "Pushing " + baseSize + "/" + baseSize, "Pushed"), progress.of(base));
    assertEquals("v1: digest: " + digest + " size: " + manifestSize, lines.getLast());
    assertEquals(1 + 3 + 4 + 1, lines.size());
    assertTrue(lines.indexOf(top + ": Pushed") < lines.indexOf(base + ": Pushing " + baseSize + "/" + baseSize));

    assertEquals(TestImages.DOCKER_MANIFEST, manifest.mediaType());
    assertEquals(TestImages.DOCKER_CONFIG, manifest.config().mediaType());
    assertEquals(image.id().toString(), manifest.config().digest());
    assertEquals(List.of(TestImages.DOCKER_GZIP, TestImages.DOCKER_GZIP),
        manifest.layers().stream().map(io.jdocker.image.oci.Descriptor::mediaType).toList());
    assertEquals(image.id(), Digest.of(repo.blobBytes(image.id())));
    for (int i = 0; i < 2; i++) {
      Digest blob = Digest.parse(manifest.layers().get(i).digest());
      byte[] gz = repo.blobBytes(blob);
      assertEquals(manifest.layers().get(i).size(), gz.length);
      try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
        assertEquals(image.diffIds().get(i), Digest.of(in.readAllBytes()));
      }
    }
    assertEquals(image.id(), store.lookup(ImageReference.parse(NAME + "@" + digest)).orElseThrow());
    assertEquals(0, count(store.layout().tmpDir()));
  }

  @Test
  void secondPushFindsEveryLayerAndTheSameManifest() throws Exception {
    StoredImage image = commit(store, NAME + ":v1", layer("base"), layer("top"));
    push(NAME + ":v1", 5);
    Digest first = repo.manifestAt("v1").digest();
    int uploads = repo.uploaded.size();
    RecordingProgress second = push(NAME + ":v1", 5);

    assertEquals(uploads, repo.uploaded.size());
    for (Digest diffId : image.diffIds()) {
      assertEquals(List.of("Preparing", "Layer already exists"), second.of(diffId.shortId()));
    }
    assertEquals(first, repo.manifestAt("v1").digest());
    assertEquals("v1: digest: " + first + " size: " + repo.manifestAt("v1").bytes().length, second.lines().getLast());
  }

  @Test
  void unknownTagFailsBeforeAnyProgress() throws Exception {
    commit(store, NAME + ":v1", layer("one"));
    RecordingProgress progress = new RecordingProgress();
    ImagePusher pusher = new ImagePusher(store, registry);
    NotFoundException e = assertThrows(NotFoundException.class,
        () -> pusher.push(ImageReference.parse(NAME + ":v2"), RegistryAuth.ANONYMOUS, progress));
    assertEquals("An image does not exist locally with the tag: 127.0.0.1:5000/x", e.getMessage());
    e = assertThrows(NotFoundException.class,
        () -> pusher.push(ImageReference.parse("127.0.0.1:5000/y"), RegistryAuth.ANONYMOUS, progress));
    assertEquals("An image does not exist locally with the tag: 127.0.0.1:5000/y", e.getMessage());
    assertTrue(progress.isEmpty());
    assertTrue(registry.opened.isEmpty());
  }

  @Test
  void repositoryWithoutTagPushesAllItsTagsInOrder() throws Exception {
    StoredImage v2 = commit(store, NAME + ":v2", layer("two"));
    StoredImage v1 = commit(store, NAME + ":v1", layer("one"));
    commit(store, "127.0.0.1:5000/other:v1", layer("other"));
    store.tag(ImageReference.parse(NAME + "@" + Digest.of(new byte[0])), v1.id());
    RecordingProgress progress = push(NAME, 5);

    assertEquals(List.of("v1", "v2"), repo.putTags);
    assertEquals(v1.id().toString(), manifest("v1").config().digest());
    assertEquals(v2.id().toString(), manifest("v2").config().digest());
    List<String> lines = progress.lines();
    assertEquals("The push refers to repository [127.0.0.1:5000/x]", lines.getFirst());
    List<String> pushed = new ArrayList<>(lines.stream().filter(l -> l.contains(": digest: ")).toList());
    assertEquals(List.of("v1: digest: " + repo.manifestAt("v1").digest() + " size: " + repo.manifestAt("v1").bytes().length,
        "v2: digest: " + repo.manifestAt("v2").digest() + " size: " + repo.manifestAt("v2").bytes().length), pushed);
    assertTrue(registry.repo("127.0.0.1:5000/other").putTags.isEmpty());
  }

  @Test
  void dockerHubNamesAreFullyQualified() throws Exception {
    commit(store, "busybox:latest", layer("bb"));
    RecordingProgress progress = push("busybox:latest", 5);
    assertEquals("The push refers to repository [docker.io/library/busybox]", progress.lines().getFirst());
    assertEquals(List.of("latest"), registry.repo("docker.io/library/busybox").putTags);
  }
}
