package io.jdocker.image.store;

import static io.jdocker.image.store.StoreFixture.count;
import static io.jdocker.image.store.StoreFixture.importImage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.errdefs.NotFoundException;
import io.jdocker.image.imports.ImageImporter;
import io.jdocker.image.ref.ImageReference;
import io.jdocker.image.testing.Tars;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageStoreTest {
  @TempDir Path dataRoot;

  @Test
  void importedImageIsStoredUnpackedAndTagged() throws Exception {
    ImageStore store = StoreFixture.open(dataRoot);
    StoredImage image = importImage(store, "one", "busybox:latest");
    StoreLayout layout = store.layout();
    assertEquals(1, image.layers().size());
    Path diff = layout.layerDiff(image.chainIds().getFirst());
    assertEquals("#!fake shell one", Files.readString(diff.resolve("bin/sh")));
    assertTrue(Files.isSymbolicLink(diff.resolve("bin/ls")));
    assertTrue(Files.isRegularFile(layout.blob(image.diffIds().getFirst())));
    assertEquals(Map.of("docker.io/library/busybox:latest", image.id()), store.allReferences());
    assertEquals(image.id(), store.lookup(ImageReference.parse("busybox").withDefaultTag()).orElseThrow());
    assertEquals("amd64", image.config().architecture());
    assertEquals("linux", image.config().os());
    assertEquals(0, count(layout.tmpDir()));

    ImageStore reopened = StoreFixture.open(dataRoot);
    assertEquals(List.of(image.id()), reopened.images().stream().map(StoredImage::id).toList());
    assertEquals(List.of(ImageReference.parse("busybox:latest")), reopened.references(image.id()));
    assertTrue(reopened.image(image.id()).orElseThrow().lastTagTime().isPresent());
  }

  @Test
  void resolvesEveryForm() throws Exception {
    ImageStore store = StoreFixture.open(dataRoot);
    StoredImage image = importImage(store, "one", "localhost:5000/a/b:v1");
    ImageResolver resolver = new ImageResolver(store);
    for (String form : List.of(image.id().toString(), image.id().hex(), image.id().hex().substring(0, 12),
        "sha256:" + image.id().hex().substring(0, 8), "localhost:5000/a/b:v1")) {
      assertEquals(image.id(), resolver.resolve(form).id(), form);
    }
    NotFoundException e = assertThrows(NotFoundException.class, () -> resolver.resolve("busybox"));
    assertEquals("No such image: busybox:latest", e.getMessage());
    assertThrows(InvalidParameterException.class, () -> resolver.resolve("Busybox"));
  }

  @Test
  void deleteRemovesUnsharedLayersAndBlobs() throws Exception {
    ImageStore store = StoreFixture.open(dataRoot);
    StoredImage a = importImage(store, "same", "a:1");
    StoredImage b = importImage(store, "other", "b:1");
    List<io.jdocker.image.ref.Digest> removed = store.delete(a.id());
    assertEquals(a.chainIds(), removed);
    assertFalse(Files.exists(store.layout().layerDir(a.chainIds().getFirst())));
    assertFalse(Files.exists(store.layout().blob(a.id())));
    assertFalse(Files.exists(store.layout().blob(a.diffIds().getFirst())));
    assertTrue(Files.exists(store.layout().layerDir(b.chainIds().getFirst())));
    assertTrue(store.lookup(ImageReference.parse("a:1")).isEmpty());
    assertEquals(1, store.count());
    assertEquals(0, count(store.layout().tmpDir()));
  }

  @Test
  void sharedLayerSurvivesDeleteOfOneImage() throws Exception {
    ImageStore store = StoreFixture.open(dataRoot);
    StoredImage a = importImage(store, "same", "a:1");
    Thread.sleep(2); // a different "created" gives a different config, hence another image on the same layer
    StoredImage b = importImage(store, "same", "b:1");
    assertEquals(a.chainIds(), b.chainIds());
    assertEquals(List.of(), store.delete(a.id()));
    assertTrue(Files.isDirectory(store.layout().layerDiff(b.chainIds().getFirst())));
  }

  @Test
  void hostileLayerLeavesNothing() throws Exception {
    ImageStore store = StoreFixture.open(dataRoot);
    byte[] evil = Tars.create().file("../escape", "x").bytes();
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> new ImageImporter(store).importTar(new ByteArrayInputStream(evil), null, "m", List.of()));
    assertTrue(e.getMessage().contains("escape"), e.getMessage());
    assertEquals(0, store.count());
    assertEquals(0, count(store.layout().tmpDir()));
    assertEquals(0, count(store.layout().layersDir()));
    assertEquals(0, count(store.layout().blobsDir()));
    assertFalse(Files.exists(dataRoot.resolve("escape")));
  }

  @Test
  void recoversFromCrashLeftovers() throws Exception {
    ImageStore store = StoreFixture.open(dataRoot);
    StoredImage kept = importImage(store, "kept", "kept:1");
    StoredImage untagged = importImage(store, "untagged", null);
    StoredImage orphan = importImage(store, "orphan", "orphan:1");
    StoreLayout layout = store.layout();
    // A crash while unpacking: a half-written layer dir and a spooled tar in tmp/.
    Files.createDirectories(layout.tmpDir().resolve("layer-x/diff/bin"));
    Files.writeString(layout.tmpDir().resolve("tar-x"), "partial");
    // A crash while writing the reference index: a truncated temp file.
    Files.writeString(layout.tmpDir().resolve("repositories-x"), "{\"Repositories\":{\"docker.io/lib");
    // A crash between the config blob and the image record: config and layers without a record.
    Files.delete(layout.imageRecord(orphan.id()));
    // A crash while moving a layer into place with no layer.json yet.
    Files.createDirectories(layout.layersDir().resolve("b".repeat(64)).resolve("diff"));

    ImageStore reopened = StoreFixture.open(dataRoot);
    assertEquals(0, count(layout.tmpDir()));
    assertTrue(reopened.image(kept.id()).isPresent());
    assertTrue(reopened.image(untagged.id()).isPresent(), "a complete image without reference is a dangling image");
    assertTrue(reopened.references(untagged.id()).isEmpty());
    assertTrue(reopened.image(orphan.id()).isEmpty());
    assertTrue(reopened.lookup(ImageReference.parse("orphan:1")).isEmpty(), "reference to an incomplete image dropped");
    assertFalse(Files.exists(layout.blob(orphan.id())));
    assertFalse(Files.exists(layout.layerDir(orphan.chainIds().getFirst())));
    assertFalse(Files.exists(layout.layersDir().resolve("b".repeat(64))));
    assertEquals(2, count(layout.layersDir()));
    assertEquals(4, count(layout.blobsDir()));
  }

  @Test
  void imageMissingALayerIsNotVisible() throws Exception {
    ImageStore store = StoreFixture.open(dataRoot);
    StoredImage image = importImage(store, "x", "x:1");
    AtomicFiles.deleteTree(store.layout().layerDir(image.chainIds().getFirst()));
    ImageStore reopened = StoreFixture.open(dataRoot);
    assertEquals(0, reopened.count());
    assertTrue(reopened.allReferences().isEmpty());
  }

  @Test
  void damagedReferenceIndexOpensEmpty() throws Exception {
    ImageStore store = StoreFixture.open(dataRoot);
    StoredImage image = importImage(store, "x", "x:1");
    Files.writeString(store.layout().repositories(), "{\"Repos", StandardCharsets.UTF_8);
    ImageStore reopened = StoreFixture.open(dataRoot);
    assertTrue(reopened.image(image.id()).isPresent());
    assertTrue(reopened.allReferences().isEmpty());
  }
}
