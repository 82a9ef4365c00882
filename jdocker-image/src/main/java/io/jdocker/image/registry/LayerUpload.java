package io.jdocker.image.registry;

import io.jdocker.image.ref.Digest;
import io.jdocker.image.store.AtomicFiles;
import io.jdocker.image.store.ImageStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Pushes one layer: gzips its stored tar into tmp/, then either finds the blob on the registry
 * ("Layer already exists") or uploads it ("Pushing" with progress, then "Pushed"). Returns the
 * compressed blob for the manifest; the temp file is always removed.
 */
final class LayerUpload implements Callable<BlobRef> {
  private final ImageStore store;
  private final RegistryRepository repo;
  private final Digest diffId;
  private final ProgressSink progress;

  LayerUpload(ImageStore store, RegistryRepository repo, Digest diffId, ProgressSink progress) {
    this.store = store;
    this.repo = repo;
    this.diffId = diffId;
    this.progress = progress;
  }

  @Override
  public BlobRef call() throws IOException {
    String id = diffId.shortId();
    Path gz = store.layout().newTemp("push");
    try {
      BlobRef blob = GzipSpool.compress(store.layerTar(diffId), gz);
      if (repo.hasBlob(blob.digest())) {
        progress.layer(id, "Layer already exists", -1, -1);
        return blob;
      }
      ProgressThrottle throttle = ProgressThrottle.systemClock();
      repo.uploadBlob(blob.digest(), gz, sent -> {
        if (throttle.due(sent, blob.size())) {
          progress.layer(id, "Pushing", sent, blob.size());
        }
      });
      progress.layer(id, "Pushed", -1, -1);
      return blob;
    } finally {
      AtomicFiles.deleteQuietly(gz);
    }
  }
}
