package io.jdocker.image.store;

import io.jdocker.image.ref.Digest;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Every path of the image store, in one place (Jib's CacheStorageFiles). Under
 * {@code <dataRoot>/image/}:
 *
 * <pre>
 * blobs/sha256/&lt;hex&gt;              image configs (hex = image ID) and uncompressed layer tars (hex = diffID)
 * layers/sha256/&lt;chain&gt;/diff/      one unpacked layer (an overlay lowerdir), keyed by chain ID
 * layers/sha256/&lt;chain&gt;/layer.json {chainId, diffId, parent, size}
 * images/sha256/&lt;hex&gt;.json         image record {id, parent, lastTagTime}; written after config and layers
 * repositories.json                 reference index, written last
 * distribution/sha256/&lt;hex&gt;.json   blobs a layer (hex = diffID) was pushed as or pulled from; a cache
 * tmp/                              temp files and dirs of unfinished writes; emptied on open
 * </pre>
 */
public final class StoreLayout {
  private final Path root;

  public StoreLayout(Path dataRoot) {
    this.root = dataRoot.resolve("image");
  }

  public Path root() {
    return root;
  }

  public Path blobsDir() {
    return root.resolve("blobs").resolve("sha256");
  }

  public Path blob(Digest digest) {
    return blobsDir().resolve(digest.hex());
  }

  public Path layersDir() {
    return root.resolve("layers").resolve("sha256");
  }

  public Path layerDir(Digest chainId) {
    return layersDir().resolve(chainId.hex());
  }

  public Path layerDiff(Digest chainId) {
    return layerDir(chainId).resolve(DIFF);
  }

  public Path layerRecord(Digest chainId) {
    return layerDir(chainId).resolve(LAYER_RECORD);
  }

  public Path imagesDir() {
    return root.resolve("images").resolve("sha256");
  }

  public Path imageRecord(Digest imageId) {
    return imagesDir().resolve(imageId.hex() + ".json");
  }

  public Path repositories() {
    return root.resolve("repositories.json");
  }

  /** The {@link DistributionMetadata} record of one layer. */
  public Path distributionRecord(Digest diffId) {
    return root.resolve("distribution").resolve("sha256").resolve(diffId.hex() + ".json");
  }

  public Path tmpDir() {
    return root.resolve("tmp");
  }

  /** A fresh, unused path in tmp/ (nothing is created). */
  public Path newTemp(String purpose) {
    return tmpDir().resolve(purpose + "-" + UUID.randomUUID());
  }

  static final String DIFF = "diff";
  static final String LAYER_RECORD = "layer.json";
}
