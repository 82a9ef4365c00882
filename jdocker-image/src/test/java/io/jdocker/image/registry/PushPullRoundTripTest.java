package io.jdocker.image.registry;

import static io.jdocker.image.registry.TestImages.commit;
import static io.jdocker.image.registry.TestImages.layer;
import static io.jdocker.image.store.StoreFixture.count;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdocker.image.ref.Digest;
import io.jdocker.image.ref.ImageReference;
import io.jdocker.image.store.ImageStore;
import io.jdocker.image.store.StoreFixture;
import io.jdocker.image.store.StoredImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PushPullRoundTripTest {
  @TempDir Path source;
  @TempDir Path target;

  @Test
  void pushedImagePullsBackIdentical() throws Exception {
    InMemoryRegistry registry = new InMemoryRegistry();
    ImageStore from = StoreFixture.open(source);
    StoredImage image = commit(from, "127.0.0.1:5000/app:v1", layer("base"), layer("mid"), layer("top"));
    new ImagePusher(from, registry).push(ImageReference.parse("127.0.0.1:5000/app:v1"), RegistryAuth.ANONYMOUS,
        ProgressSink.NONE);
    Digest manifest = registry.repo("127.0.0.1:5000/app").manifestAt("v1").digest();

    ImageStore to = StoreFixture.open(target);
    ImagePuller.Result result = new ImagePuller(to, registry).pull(ImageReference.parse("127.0.0.1:5000/app:v1"),
        RegistryAuth.ANONYMOUS, null, ProgressSink.NONE);

    assertEquals(image.id(), result.imageId());
    assertEquals(manifest, result.manifestDigest());
    StoredImage pulled = to.image(image.id()).orElseThrow();
    assertEquals(image.chainIds(), pulled.chainIds());
    assertEquals(image.size(), pulled.size());
    Set<ImageReference> refs = Set.of(ImageReference.parse("127.0.0.1:5000/app:v1"),
        ImageReference.parse("127.0.0.1:5000/app@" + manifest));
    assertEquals(refs, Set.copyOf(to.references(image.id())));
    assertEquals(refs, Set.copyOf(from.references(image.id())));
    for (Digest diffId : image.diffIds()) {
      assertEquals(-1, Files.mismatch(from.layerTar(diffId), to.layerTar(diffId)));
    }
    assertEquals(List.of(0L, 0L), List.of(count(from.layout().tmpDir()), count(to.layout().tmpDir())));
  }
}
