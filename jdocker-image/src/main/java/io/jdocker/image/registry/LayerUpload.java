package io.jdocker.image.registry;

import io.jdocker.image.ref.Digest;
import io.jdocker.image.store.AtomicFiles;
import io.jdocker.image.store.BlobSource;
import io.jdocker.image.store.DistributionMetadata;
import io.jdocker.image.store.ImageStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Pushes one layer. First, as dockerd does with its v2 metadata, it asks the registry for the
 * blobs this layer was pushed as or pulled from on the same registry host: one that is there is
 * "Layer already exists" without reading the layer. Otherwise it gzips the stored tar into tmp/,
 * then either finds that blob on the registry ("Layer already exists") or uploads it ("Pushing"
 * with progress, then "Pushed"). Returns the blob for the manifest and records it in the store's
 * {@link DistributionMetadata}; the temp file is always removed.
 */
final class LayerUpload implements Callable<BlobRef> {
  private final ImageStore store;
  private final RegistryRepository repo;
  private final String repository;
  private final Digest diffId;
  private final ProgressSink progress;

  /** {@code repository} names {@code repo} as registry host + path: {@code 127.0.0.1:5000/x}. */
  LayerUpload(ImageStore store, RegistryRepository repo, String repository, Digest diffId, ProgressSink progress) {
    this.store = store;
    this.repo = repo;
    this.repository = repository;
    this.diffId = diffId;
    this.progress = progress;
  }

  @Override
  public BlobRef call() throws IOException {
    String id = diffId.shortId();
    BlobRef known = knownBlob();
    if (known != null) {
      progress.layer(id, "Layer already exists", -1, -1);
      return recorded(known);
    }
    Path gz = store.layout().newTemp("push");
    try {
      BlobRef blob = GzipSpool.compress(store.layerTar(diffId), gz);
      if (repo.hasBlob(blob.digest())) {
        progress.layer(id, "Layer already exists", -1, -1);
        return recorded(blob);
      }
      ProgressThrottle throttle = ProgressThrottle.systemClock();
      repo.uploadBlob(blob.digest(), gz, sent -> {
        if (throttle.due(sent, blob.size())) {
          progress.layer(id, "Pushing", sent, blob.size());
        }
      });
      progress.layer(id, "Pushed", -1, -1);
      return recorded(blob);
    } finally {
      AtomicFiles.deleteQuietly(gz);
    }
  }

  /**
   * The first known blob of this layer the target repository has. Only blobs seen on the same
   * registry host are asked for, those of this repository first: a blob from another host cannot
   * be here except by chance. A blob this repository was known to have but no longer has (deleted
   * on the registry) is forgotten.
   */
  private BlobRef knownBlob() throws IOException {
    DistributionMetadata metadata = store.distribution();
    String host = repository.substring(0, repository.indexOf('/'));
    List<BlobSource> candidates = new ArrayList<>();
    for (BlobSource s : metadata.sources(diffId)) {
      if (s.repository().equals(repository)) {
        candidates.add(s);
      }
    }
    for (BlobSource s : metadata.sources(diffId)) {
      if (!s.repository().equals(repository) && s.registryHost().equals(host)) {
        candidates.add(s);
      }
    }
    Set<Digest> asked = new HashSet<>();
    for (BlobSource candidate : candidates) {
      Digest digest = candidate.blobDigest();
      if (!asked.add(digest)) {
        continue;
      }
      if (repo.hasBlob(digest)) {
        return new BlobRef(digest, candidate.size());
      }
      if (candidate.repository().equals(repository)) {
        metadata.remove(diffId, digest, repository);
      }
    }
    return null;
  }

  private BlobRef recorded(BlobRef blob) {
    store.distribution().add(diffId, BlobSource.of(blob.digest(), blob.size(), repository));
    return blob;
  }
}
