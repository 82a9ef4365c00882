package io.jdocker.image.commit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.image.layer.LayerUnpacker;
import io.jdocker.image.oci.ContainerConfig;
import io.jdocker.image.oci.ImageConfig;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.ref.ImageReference;
import io.jdocker.image.store.ImageStore;
import io.jdocker.image.store.StoreFixture;
import io.jdocker.image.store.StoredImage;
import io.jdocker.image.testing.Tars;
import io.jdocker.linux.FileStat;
import io.jdocker.linux.jnr.JnrFileSystemCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commits upper dirs (made by unpacking tars, so whiteouts are real overlay ones) into a real store. */
class ImageCommitterTest {
  @TempDir Path tmp;
  ImageStore store;
  StoredImage base;

  @BeforeEach
  void setUp() throws IOException {
    store = StoreFixture.open(tmp.resolve("data"));
    base = StoreFixture.importImage(store, "base", "base:latest");
  }

  /** An upper dir as overlayfs leaves it: a new dir and file, a whiteout for etc/passwd, a mount point. */
  private Path upper(Tars tars) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("upper"));
    LayerUnpacker.create().unpack(new ByteArrayInputStream(tars.bytes()), dir);
    return dir;
  }

  private static ChildConfig child(String comment) {
    ContainerConfig config = new ContainerConfig(null, null, null, null, List.of("cat", "/data/hello"), null, null,
        null, null, null, null);
    ContainerConfig container = new ContainerConfig(null, null, null, null, List.of("sh", "-c", "echo hi"), null, null,
        null, null, null, Map.of("Image", "base"));
    return new ChildConfig("f".repeat(64), "someone", comment, config, container, "linux", "28.0.0");
  }

  private ImageStore.CommitResult commit(Path changes, Predicate<String> skip, String tag) throws IOException {
    return new ImageCommitter(store).commit(new ImageCommitter.Request(base.id(), changes, skip, child("msg"),
        tag == null ? null : ImageReference.parse(tag)));
  }

  @Test
  void changesBecomeOneLayerOnTopOfTheImagesLayers() throws IOException {
    Path upper = upper(Tars.create().dir("data").file("data/hello", "hello\n").dir("etc").file("etc/.wh.passwd", "")
        .file("etc/hosts", "placeholder"));
    StoredImage image = commit(upper, name -> name.equals("etc/hosts"), "committed:v1").image();

    assertEquals(base.layers().size() + 1, image.layers().size());
    assertEquals(base.diffIds(), image.diffIds().subList(0, base.layers().size()));
    assertEquals(base.id(), image.parent().orElseThrow());
    assertEquals(image.id(), store.lookup(ImageReference.parse("committed:v1")).orElseThrow());
    assertTrue(image.lastTagTime().isPresent());

    Path diff = store.layerDiff(image.chainIds().getLast());
    assertEquals("hello\n", Files.readString(diff.resolve("data/hello")));
    FileStat whiteout = JnrFileSystemCalls.instance().lstat(diff.resolve("etc/passwd"));
    assertTrue(whiteout.isOverlayWhiteout(), "the deletion is kept as an overlay whiteout");
    assertFalse(Files.exists(diff.resolve("etc/hosts")), "skipped names stay out of the layer");
    assertEquals(List.of("data/", "data/hello", "etc/", "etc/.wh.passwd"), entries(image.diffIds().getLast()));

    ImageConfig config = image.config();
    assertEquals(base.config().history().size() + 1, config.history().size());
    assertEquals("sh -c echo hi", config.history().getLast().createdBy());
    assertEquals("msg", config.history().getLast().comment());
    assertEquals("someone", config.author());
    assertEquals(List.of("cat", "/data/hello"), config.config().cmd());
    assertEquals("f".repeat(64), config.extra().get("container"));
  }

  @Test
  void anUnchangedContainerAddsNoLayer() throws IOException {
    Path upper = upper(Tars.create().dir("etc").file("etc/hosts", "placeholder"));
    StoredImage image = commit(upper, name -> name.equals("etc") || name.startsWith("etc/"), null).image();
    assertEquals(base.chainIds(), image.chainIds());
    assertTrue(image.config().history().getLast().isEmptyLayer());
    assertTrue(store.references(image.id()).isEmpty(), "no repo: a dangling image");
    assertEquals(0, StoreFixture.count(store.layout().tmpDir()), "the empty layer's temp files are gone");
  }

  @Test
  void aContainerThatNeverRanHasAnEmptyDiff() throws IOException {
    StoredImage image = commit(tmp.resolve("no-such-upper"), null, null).image();
    assertEquals(base.chainIds(), image.chainIds());
    assertTrue(image.config().history().getLast().isEmptyLayer());
  }

  @Test
  void largeFilesStreamThroughThePipe() throws IOException {
    byte[] big = new byte[3 * 1024 * 1024 + 17];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31);
    }
    Path upper = Files.createDirectories(tmp.resolve("upper"));
    Files.write(upper.resolve("big.bin"), big);
    StoredImage image = commit(upper, null, null).image();
    Path copy = store.layerDiff(image.chainIds().getLast()).resolve("big.bin");
    assertTrue(java.util.Arrays.equals(big, Files.readAllBytes(copy)));
  }

  @Test
  void aPackerFailingHalfWayCommitsNothing() throws IOException {
    Path upper = Files.createDirectories(tmp.resolve("upper"));
    Files.writeString(upper.resolve("a"), "first");
    Files.write(upper.resolve("b"), new byte[2 * 1024 * 1024]);
    Files.writeString(upper.resolve("c"), "never reached");
    int before = store.count();
    IOException e = assertThrows(IOException.class, () -> commit(upper, name -> {
      if (name.equals("c")) {
        throw new UncheckedIOException(new IOException("c vanished"));
      }
      return false;
    }, "half:v1"));
    assertEquals("c vanished", e.getMessage());
    assertEquals(before, store.count());
    assertTrue(store.lookup(ImageReference.parse("half:v1")).isEmpty());
    assertEquals(0, StoreFixture.count(store.layout().tmpDir()), "spooled tar and unpacked dir are removed");
  }

  @Test
  void anUncheckedPackerFailureIsThrownAsItIsAndLeavesNothing() throws IOException {
    Path upper = Files.createDirectories(tmp.resolve("upper"));
    Files.write(upper.resolve("a"), new byte[2 * 1024 * 1024]);
    Files.writeString(upper.resolve("b"), "");
    var e = assertThrows(IllegalStateException.class, () -> commit(upper, name -> {
      if (name.equals("b")) {
        throw new IllegalStateException("packer bug");
      }
      return false;
    }, null));
    assertEquals("packer bug", e.getMessage());
    assertEquals(0, StoreFixture.count(store.layout().tmpDir()));
  }

  @Test
  void aMissingParentIsNotFound() {
    Digest gone = Digest.of("gone".getBytes(StandardCharsets.UTF_8));
    var e = assertThrows(io.jdocker.errdefs.NotFoundException.class, () -> new ImageCommitter(store)
        .commit(new ImageCommitter.Request(gone, tmp, null, child(""), null)));
    assertEquals("No such image: " + gone, e.getMessage());
  }

  private List<String> entries(Digest diffId) throws IOException {
    List<String> names = new ArrayList<>();
    try (InputStream raw = Files.newInputStream(store.layerTar(diffId));
        TarArchiveInputStream in = new TarArchiveInputStream(raw)) {
      for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        names.add(e.getName());
      }
    }
    return names;
  }
}
