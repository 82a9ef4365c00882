package io.jdocker.image.store;

import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.errdefs.NotFoundException;
import io.jdocker.image.layer.LayerUnpacker;
import io.jdocker.image.oci.ImageConfig;
import io.jdocker.image.oci.Json;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.ref.ImageReference;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The content-addressed image store. Heavy work (spooling and unpacking layers) happens outside
 * the lock into tmp/; {@link #commit} then renames finished pieces into place in the order
 * layers → config → image record → reference index, so a crash at any point leaves a store that
 * {@link StoreRecovery} opens cleanly.
 */
public final class ImageStore {
  private static final Logger LOG = LoggerFactory.getLogger(ImageStore.class);

  private final StoreLayout layout;
  private final LayerUnpacker unpacker;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<Digest, StoredImage> images;
  private final Map<Digest, LayerRecord> layers;
  private final ReferenceIndex refs;
  private final DistributionMetadata distribution;

  ImageStore(StoreLayout layout, LayerUnpacker unpacker, Map<Digest, StoredImage> images,
      Map<Digest, LayerRecord> layers, ReferenceIndex refs) {
    this.layout = layout;
    this.unpacker = unpacker;
    this.images = images;
    this.layers = layers;
    this.refs = refs;
    this.distribution = new DistributionMetadata(layout);
  }

  /** Opens (creating if needed) the store under {@code dataRoot}/image, repairing what a crash left. */
  public static ImageStore open(Path dataRoot, LayerUnpacker unpacker) throws IOException {
    return StoreRecovery.open(new StoreLayout(dataRoot), unpacker);
  }

  public StoreLayout layout() {
    return layout;
  }

  /** Which registry blobs each layer is known by (kept across restarts; only a cache). */
  public DistributionMetadata distribution() {
    return distribution;
  }

  /** Result of a commit: the image and, for each tag that moved, the image it left. */
  public record CommitResult(StoredImage image, Map<ImageReference, Digest> movedFrom) {}

  // ---- reads ------------------------------------------------------------------------------

  public List<StoredImage> images() {
    return read(() -> List.copyOf(images.values()));
  }

  public int count() {
    return read(images::size);
  }

  public Optional<StoredImage> image(Digest id) {
    return read(() -> Optional.ofNullable(images.get(id)));
  }

  public Optional<Digest> lookup(ImageReference ref) {
    return read(() -> refs.get(ref));
  }

  public List<ImageReference> references(Digest id) {
    return read(() -> refs.referencesTo(id));
  }

  /** Every reference → image ID, keyed by the full reference string. */
  public Map<String, Digest> allReferences() {
    return read(refs::all);
  }

  public Path layerDiff(Digest chainId) {
    return layout.layerDiff(chainId);
  }

  public byte[] configBytes(Digest id) throws IOException {
    return Files.readAllBytes(layout.blob(id));
  }

  /** The uncompressed tar of a layer, byte for byte as it was imported or loaded. */
  public Path layerTar(Digest diffId) {
    return layout.blob(diffId);
  }

  // ---- writes -----------------------------------------------------------------------------

  /**
   * Spools an uncompressed layer tar to tmp/ while hashing it, checks the diffID when one is
   * expected, and unpacks it unless its chain is already stored. Nothing is visible until commit;
   * on failure nothing is left behind.
   */
  public PreparedLayer prepareLayer(InputStream uncompressedTar, Digest parentChain, Digest expectedDiffId,
      String what) throws IOException {
    Files.createDirectories(layout.tmpDir());
    Path tar = layout.newTemp("tar");
    Path unpacked = null;
    try {
      MessageDigest sha = Digest.sha256();
      try (FileChannel ch = FileChannel.open(tar, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          OutputStream out = new DigestOutputStream(Channels.newOutputStream(ch), sha)) {
        uncompressedTar.transferTo(out);
        out.flush();
        ch.force(true);
      }
      Digest diffId = Digest.ofRawDigest(sha.digest());
      if (expectedDiffId != null && !expectedDiffId.equals(diffId)) {
        throw new InvalidParameterException(
            "invalid diffID for " + what + ": expected \"" + expectedDiffId + "\", got \"" + diffId + "\"");
      }
      Digest chain = LayerRecord.chainId(parentChain, diffId);
      LayerRecord existing = read(() -> layers.get(chain));
      long size;
      if (existing != null) {
        size = existing.size();
      } else {
        unpacked = layout.newTemp("layer");
        size = unpackInto(tar, unpacked, what);
      }
      return new PreparedLayer(diffId, chain, parentChain, tar, unpacked, size);
    } catch (IOException | RuntimeException e) {
      AtomicFiles.deleteQuietly(tar);
      if (unpacked != null) {
        AtomicFiles.deleteQuietly(unpacked);
      }
      throw e;
    }
  }

  private long unpackInto(Path tar, Path layerDir, String what) throws IOException {
    Path diff = layerDir.resolve(StoreLayout.DIFF);
    Files.createDirectories(diff);
    long size;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(tar), 1 << 16)) {
      size = unpacker.unpack(in, diff);
    } catch (InvalidParameterException e) {
      throw new InvalidParameterException(what + ": " + e.getMessage(), e);
    }
    AtomicFiles.fsyncTree(layerDir);
    return size;
  }

  /** Drops prepared layers that will not be committed. */
  public void discard(List<PreparedLayer> prepared) {
    for (PreparedLayer p : prepared) {
      AtomicFiles.deleteQuietly(p.tarFile());
      if (p.unpackedDir() != null) {
        AtomicFiles.deleteQuietly(p.unpackedDir());
      }
    }
  }

  /**
   * Makes an image visible: layers, then the config blob, then the image record, then the tags.
   * The prepared layers must be the config's rootfs in order. Consumes the prepared temp files.
   */
  public CommitResult commit(byte[] configBytes, List<PreparedLayer> prepared, Digest parent,
      List<ImageReference> tags, boolean setTagTime) throws IOException {
    Digest id = Digest.of(configBytes);
    ImageConfig config = ImageConfig.parse(configBytes, "image config " + id);
    List<Digest> diffIds = config.rootfs().digests();
    if (!diffIds.equals(prepared.stream().map(PreparedLayer::diffId).toList())) {
      discard(prepared);
      throw new InvalidParameterException("image config " + id + ": rootfs.diff_ids do not match the layers");
    }
    lock.writeLock().lock();
    try {
      List<LayerRecord> chain = new ArrayList<>();
      for (PreparedLayer p : prepared) {
        chain.add(placeLayer(p));
      }
      if (!Files.exists(layout.blob(id))) {
        AtomicFiles.write(layout.blob(id), configBytes, layout.newTemp("config"));
      }
      StoredImage image = images.get(id);
      if (image == null || setTagTime && !tags.isEmpty()) {
        ImageRecord record = image != null ? image.record()
            : new ImageRecord(id.toString(), parent == null ? null : parent.toString(), null);
        if (setTagTime && !tags.isEmpty()) {
          record = record.withLastTagTime(Instant.now().toString());
        }
        AtomicFiles.write(layout.imageRecord(id), Json.write(record), layout.newTemp("record"));
        image = new StoredImage(id, config, chain, record);
        images.put(id, image);
      }
      Map<ImageReference, Digest> moved = new LinkedHashMap<>();
      for (ImageReference tag : tags) {
        refs.put(tag, id).ifPresent(old -> moved.put(tag, old));
      }
      if (!tags.isEmpty()) {
        saveReferences();
      }
      return new CommitResult(image, moved);
    } catch (IOException | RuntimeException e) {
      discard(prepared);
      throw e;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private LayerRecord placeLayer(PreparedLayer p) throws IOException {
    Path blob = layout.blob(p.diffId());
    if (Files.exists(blob)) {
      Files.deleteIfExists(p.tarFile());
    } else {
      try {
        AtomicFiles.moveIntoPlace(p.tarFile(), blob, false);
      } catch (FileAlreadyExistsException e) {
        Files.deleteIfExists(p.tarFile());
      }
    }
    LayerRecord existing = layers.get(p.chainId());
    if (existing != null) {
      if (p.unpackedDir() != null) {
        AtomicFiles.deleteQuietly(p.unpackedDir());
      }
      return existing;
    }
    Path dir = p.unpackedDir();
    long size = p.size();
    if (dir == null) {
      // The chain was stored when this layer was prepared but has been deleted since.
      dir = layout.newTemp("layer");
      size = unpackInto(blob, dir, "layer " + p.diffId());
    }
    LayerRecord record = LayerRecord.of(p.chainId(), p.diffId(), p.parentChain(), size);
    AtomicFiles.write(dir.resolve(StoreLayout.LAYER_RECORD), Json.write(record), layout.newTemp("layerjson"));
    AtomicFiles.moveIntoPlace(dir, layout.layerDir(p.chainId()), false);
    layers.put(p.chainId(), record);
    return record;
  }

  /** Points {@code ref} at {@code id}; returns the image it pointed at before, if another. */
  public Optional<Digest> tag(ImageReference ref, Digest id) throws IOException {
    lock.writeLock().lock();
    try {
      StoredImage image = images.get(id);
      if (image == null) {
        throw new NotFoundException("No such image: " + id);
      }
      ImageRecord record = image.record().withLastTagTime(Instant.now().toString());
      AtomicFiles.write(layout.imageRecord(id), Json.write(record), layout.newTemp("record"));
      images.put(id, new StoredImage(id, image.config(), image.layers(), record));
      Optional<Digest> old = refs.put(ref, id);
      saveReferences();
      return old;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Removes one reference; false when it did not exist. */
  public boolean untag(ImageReference ref) throws IOException {
    lock.writeLock().lock();
    try {
      boolean removed = refs.remove(ref);
      if (removed) {
        saveReferences();
      }
      return removed;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Deletes an image with all references still pointing at it, and each of its layers no other
   * image uses. Returns the chain IDs of the removed layers, top first.
   */
  public List<Digest> delete(Digest id) throws IOException {
    List<Path> trash = new ArrayList<>();
    List<Digest> removed = new ArrayList<>();
    lock.writeLock().lock();
    try {
      StoredImage image = images.get(id);
      if (image == null) {
        throw new NotFoundException("No such image: " + id);
      }
      for (ImageReference ref : refs.referencesTo(id)) {
        refs.remove(ref);
      }
      saveReferences();
      Files.deleteIfExists(layout.imageRecord(id));
      images.remove(id);
      Files.deleteIfExists(layout.blob(id));
      List<LayerRecord> chain = new ArrayList<>(image.layers());
      java.util.Collections.reverse(chain);
      for (LayerRecord layer : chain) {
        Digest chainId = layer.chain();
        if (images.values().stream().anyMatch(i -> i.chainIds().contains(chainId))) {
          continue;
        }
        Path moved = layout.newTemp("deleted");
        Files.move(layout.layerDir(chainId), moved, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        trash.add(moved);
        layers.remove(chainId);
        removed.add(chainId);
        if (layers.values().stream().noneMatch(l -> l.diffId().equals(layer.diffId()))) {
          Files.deleteIfExists(layout.blob(layer.diff()));
        }
      }
      AtomicFiles.fsync(layout.layersDir());
    } finally {
      lock.writeLock().unlock();
    }
    trash.forEach(AtomicFiles::deleteQuietly);
    return removed;
  }

  private void saveReferences() throws IOException {
    AtomicFiles.write(layout.repositories(), refs.serialize(), layout.newTemp("repositories"));
  }

  private <T> T read(java.util.function.Supplier<T> reader) {
    lock.readLock().lock();
    try {
      return reader.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  static Map<Digest, StoredImage> newImageMap() {
    return new HashMap<>();
  }
}
