package io.jdocker.image.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdocker.image.oci.Json;
import io.jdocker.image.ref.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * dockerd's "v2 metadata": for each layer diffID, the compressed blobs it has been pushed as or
 * pulled from, with the repository that has them, newest first. A push asks the registry for
 * these digests before compressing the layer, so pushing an unchanged layer again costs one HEAD.
 *
 * <p>One small JSON file per diffID, replaced atomically, so a crash leaves the old or the new
 * list. This is only a cache: a file or entry that cannot be read is logged and ignored, and a
 * failed write is logged, never thrown. Thread-safe.
 */
public final class DistributionMetadata {
  private static final Logger LOG = LoggerFactory.getLogger(DistributionMetadata.class);
  /** Entries kept per diffID; older ones fall off. */
  static final int MAX_SOURCES = 10;

  private final StoreLayout layout;

  DistributionMetadata(StoreLayout layout) {
    this.layout = layout;
  }

  /** The blobs {@code diffId} is known by, newest first; empty when none (or unreadable). */
  public synchronized List<BlobSource> sources(Digest diffId) {
    Path file = layout.distributionRecord(diffId);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      LOG.warn("ignoring unreadable distribution metadata {}: {}", file, e.toString());
      return List.of();
    }
    JsonNode array;
    try {
      array = Json.MAPPER.readTree(bytes);
    } catch (IOException e) {
      LOG.warn("ignoring corrupt distribution metadata {}: {}", file, e.toString());
      return List.of();
    }
    if (array == null || !array.isArray()) {
      LOG.warn("ignoring distribution metadata {}: not a JSON array", file);
      return List.of();
    }
    List<BlobSource> sources = new ArrayList<>();
    for (JsonNode entry : array) {
      try {
        sources.add(Json.MAPPER.treeToValue(entry, BlobSource.class));
      } catch (IOException | RuntimeException e) {
        LOG.warn("ignoring an entry of distribution metadata {}: {}", file, e.toString());
      }
    }
    return sources;
  }

  /** Records that {@code diffId} is {@code source}, as the newest entry. */
  public synchronized void add(Digest diffId, BlobSource source) {
    List<BlobSource> sources = new ArrayList<>(sources(diffId));
    if (!sources.isEmpty() && sources.getFirst().equals(source)) {
      return;
    }
    sources.removeIf(s -> s.digest().equals(source.digest()) && s.repository().equals(source.repository()));
    sources.addFirst(source);
    save(diffId, sources.size() > MAX_SOURCES ? sources.subList(0, MAX_SOURCES) : sources);
  }

  /** Forgets that {@code blob} is in {@code repository} (the registry said it is not). */
  public synchronized void remove(Digest diffId, Digest blob, String repository) {
    List<BlobSource> sources = new ArrayList<>(sources(diffId));
    if (sources.removeIf(s -> s.digest().equals(blob.toString()) && s.repository().equals(repository))) {
      save(diffId, sources);
    }
  }

  private void save(Digest diffId, List<BlobSource> sources) {
    Path file = layout.distributionRecord(diffId);
    try {
      Files.createDirectories(layout.tmpDir());
      AtomicFiles.write(file, Json.write(sources), layout.newTemp("distribution"));
    } catch (IOException | RuntimeException e) {
      // The next push of this layer compresses it again; nothing else depends on the record.
      LOG.warn("could not write distribution metadata {}: {}", file, e.toString());
    }
  }
}
