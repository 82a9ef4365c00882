package io.jdocker.image.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.image.ref.Digest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistributionMetadataTest {
  private static final Digest LAYER = Digest.of("layer".getBytes(StandardCharsets.UTF_8));
  private static final Digest OTHER_LAYER = Digest.of("other".getBytes(StandardCharsets.UTF_8));

  @TempDir Path dataRoot;
  private ImageStore store;

  @BeforeEach
  void open() throws Exception {
    store = StoreFixture.open(dataRoot);
  }

  private static BlobSource source(int n, String repository) {
    return BlobSource.of(Digest.of(("blob" + n).getBytes(StandardCharsets.UTF_8)), 100 + n, repository);
  }

  @Test
  void keepsSourcesNewestFirstWithoutDuplicates() {
    DistributionMetadata metadata = store.distribution();
    assertEquals(List.of(), metadata.sources(LAYER));
    metadata.add(LAYER, source(1, "127.0.0.1:5000/x"));
    metadata.add(LAYER, source(2, "127.0.0.1:5000/x"));
    metadata.add(LAYER, source(1, "127.0.0.1:5000/y"));
    metadata.add(LAYER, source(1, "127.0.0.1:5000/x"));

    assertEquals(List.of(source(1, "127.0.0.1:5000/x"), source(1, "127.0.0.1:5000/y"), source(2, "127.0.0.1:5000/x")),
        metadata.sources(LAYER));
    assertEquals(List.of(), metadata.sources(OTHER_LAYER));
  }

  @Test
  void keepsAtMostTenSourcesPerLayer() {
    List<BlobSource> added = new ArrayList<>();
    IntStream.range(0, 13).forEach(n -> {
      added.addFirst(source(n, "127.0.0.1:5000/x"));
      store.distribution().add(LAYER, added.getFirst());
    });
    assertEquals(added.subList(0, DistributionMetadata.MAX_SOURCES), store.distribution().sources(LAYER));
  }

  @Test
  void survivesReopeningTheStoreAndLeavesNoTempFiles() throws Exception {
    store.distribution().add(LAYER, source(1, "docker.io/library/busybox"));
    store.distribution().add(LAYER, source(2, "127.0.0.1:5000/x"));
    assertEquals(0, StoreFixture.count(store.layout().tmpDir()));

    ImageStore reopened = StoreFixture.open(dataRoot);
    assertEquals(List.of(source(2, "127.0.0.1:5000/x"), source(1, "docker.io/library/busybox")),
        reopened.distribution().sources(LAYER));
    assertEquals("docker.io", reopened.distribution().sources(LAYER).get(1).registryHost());
  }

  @Test
  void removeForgetsOneRepositorysBlob() {
    store.distribution().add(LAYER, source(1, "127.0.0.1:5000/y"));
    store.distribution().add(LAYER, source(1, "127.0.0.1:5000/x"));
    store.distribution().remove(LAYER, source(1, "x/x").blobDigest(), "127.0.0.1:5000/x");
    assertEquals(List.of(source(1, "127.0.0.1:5000/y")), store.distribution().sources(LAYER));
  }

  @Test
  void corruptFileIsIgnoredAndReplacedByTheNextRecord() throws Exception {
    Path file = store.layout().distributionRecord(LAYER);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "[{\"digest\":\"sha256:");
    assertEquals(List.of(), store.distribution().sources(LAYER));
    Files.writeString(file, "{\"not\":\"an array\"}");
    assertEquals(List.of(), store.distribution().sources(LAYER));

    store.distribution().add(LAYER, source(1, "127.0.0.1:5000/x"));
    assertEquals(List.of(source(1, "127.0.0.1:5000/x")), store.distribution().sources(LAYER));
  }

  @Test
  void invalidEntriesAreSkippedAndValidOnesKept() throws Exception {
    BlobSource good = source(1, "127.0.0.1:5000/x");
    Path file = store.layout().distributionRecord(LAYER);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "[{\"digest\":\"md5:abc\",\"size\":1,\"repository\":\"127.0.0.1:5000/x\"},"
        + "{\"digest\":\"" + good.digest() + "\",\"size\":-1,\"repository\":\"127.0.0.1:5000/x\"},"
        + "{\"digest\":\"" + good.digest() + "\",\"size\":1,\"repository\":\"nohost\"},"
        + "7,"
        + "{\"digest\":\"" + good.digest() + "\",\"size\":101,\"repository\":\"127.0.0.1:5000/x\",\"later\":true}]");
    assertEquals(List.of(good), store.distribution().sources(LAYER));
  }

  @Test
  void sourceValidatesItsFields() {
    assertThrows(InvalidParameterException.class, () -> new BlobSource("sha256:12", 1, "h/x"));
    assertThrows(InvalidParameterException.class, () -> new BlobSource(LAYER.toString(), -1, "h/x"));
    assertThrows(InvalidParameterException.class, () -> new BlobSource(LAYER.toString(), 1, "/x"));
    assertThrows(InvalidParameterException.class, () -> new BlobSource(LAYER.toString(), 1, null));
  }
}
