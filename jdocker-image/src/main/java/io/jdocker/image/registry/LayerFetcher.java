package io.jdocker.image.registry;

import io.jdocker.image.archive.CorruptInput;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.store.AtomicFiles;
import io.jdocker.image.store.ImageStore;
import io.jdocker.image.store.LayerRecord;
import io.jdocker.image.store.PreparedLayer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * Brings the layers of a resolved image into the store as prepared (not yet committed) layers,
 * the way dockerd does: layers whose chain the store already has are "Already exists"; the rest
 * download {@code parallel} at a time into tmp/, and are extracted strictly bottom-up as soon as
 * each one and the layer below it are done. On failure every download is stopped, prepared layers
 * are discarded and temp files removed; on success only the returned prepared layers remain.
 */
final class LayerFetcher {
  private final ImageStore store;
  private final RegistryRepository repo;
  private final int parallel;
  private final ProgressSink progress;

  LayerFetcher(ImageStore store, RegistryRepository repo, int parallel, ProgressSink progress) {
    this.store = store;
    this.repo = repo;
    this.parallel = parallel;
    this.progress = progress;
  }

  /** Whether the store has the layer chain {@code chainId} (its unpacked dir and its tar). */
  static boolean stored(ImageStore store, Digest chainId, Digest diffId) {
    return Files.isDirectory(store.layout().layerDir(chainId)) && Files.isRegularFile(store.layerTar(diffId));
  }

  List<PreparedLayer> fetch(ResolvedImage image) throws IOException {
    int n = image.layers().size();
    List<Digest> diffIds = image.diffIds();
    List<Digest> chains = new ArrayList<>();
    Digest parent = null;
    for (Digest diffId : diffIds) {
      parent = LayerRecord.chainId(parent, diffId);
      chains.add(parent);
    }
    // Bottom-up until the first miss: above a missing layer no chain can exist.
    int present = 0;
    while (present < n && stored(store, chains.get(present), diffIds.get(present))) {
      present++;
    }
    Map<Digest, LayerDownload> downloads = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      Digest digest = image.layerDigest(i);
      if (i < present) {
        progress.layer(digest.shortId(), "Already exists", -1, -1);
      } else if (!downloads.containsKey(digest)) {
        downloads.put(digest, new LayerDownload(repo, digest, image.layers().get(i).size(),
            store.layout().newTemp("pull"), progress));
        progress.layer(digest.shortId(), "Pulling fs layer", -1, -1);
      }
    }
    List<PreparedLayer> prepared = new ArrayList<>();
    TransferPool pool = downloads.isEmpty() ? null
        : new TransferPool("layer-download", Math.min(parallel, downloads.size()));
    try {
      Map<Digest, Future<Path>> files = start(downloads, pool);
      for (int i = 0; i < n; i++) {
        Digest parentChain = i == 0 ? null : chains.get(i - 1);
        if (i < present) {
          prepared.add(reuse(chains.get(i), diffIds.get(i), parentChain));
        } else {
          Digest digest = image.layerDigest(i);
          Path file = TransferPool.await(files.get(digest));
          prepared.add(extract(file, digest, parentChain, diffIds.get(i)));
        }
      }
      return prepared;
    } catch (IOException | RuntimeException | Error e) {
      downloads.values().forEach(LayerDownload::abort);
      store.discard(prepared);
      throw e;
    } finally {
      if (pool != null) {
        pool.close();
      }
      downloads.values().forEach(d -> AtomicFiles.deleteQuietly(d.temp()));
    }
  }

  private Map<Digest, Future<Path>> start(Map<Digest, LayerDownload> downloads, TransferPool pool)
      throws IOException {
    if (downloads.isEmpty()) {
      return Map.of();
    }
    Files.createDirectories(store.layout().tmpDir());
    int queued = 0;
    for (Digest digest : downloads.keySet()) {
      if (queued++ >= parallel) {
        progress.layer(digest.shortId(), "Waiting", -1, -1);
      }
    }
    Map<Digest, Future<Path>> files = new LinkedHashMap<>();
    downloads.forEach((digest, download) -> files.put(digest, pool.submit(download)));
    return files;
  }

  /**
   * A layer the store already has, as commit wants it: no tar of its own (the store keeps the one
   * it has and deletes the missing temp path) and no unpacked dir (the chain exists; were it
   * deleted meanwhile, commit unpacks it again from the stored tar).
   */
  private PreparedLayer reuse(Digest chainId, Digest diffId, Digest parentChain) {
    return new PreparedLayer(diffId, chainId, parentChain, store.layout().newTemp("reused"), null, 0);
  }

  private PreparedLayer extract(Path file, Digest digest, Digest parentChain, Digest diffId) throws IOException {
    String id = digest.shortId();
    long total = Files.size(file);
    ProgressThrottle throttle = ProgressThrottle.systemClock();
    try (InputStream raw = Files.newInputStream(file);
        ProgressReader counted = new ProgressReader(raw, c -> {
          if (throttle.due(c, total)) {
            progress.layer(id, "Extracting", c, total);
          }
        });
        InputStream tar = CorruptInput.decompress(counted, "layer " + digest)) {
      PreparedLayer layer = store.prepareLayer(tar, parentChain, diffId, "layer " + digest);
      try {
        // Padding after the tar's end is part of the blob; consuming it brings the count to the total.
        counted.transferTo(OutputStream.nullOutputStream());
      } catch (IOException | RuntimeException e) {
        store.discard(List.of(layer));
        throw e;
      }
      progress.layer(id, "Pull complete", -1, -1);
      return layer;
    }
  }
}
