package io.jdocker.image.registry;

import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.errdefs.NotFoundException;
import io.jdocker.image.oci.MediaTypes;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.ref.ImageReference;
import io.jdocker.image.store.AtomicFiles;
import io.jdocker.image.store.ImageStore;
import io.jdocker.image.store.StoredImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * {@code docker push}: layers (gzip), config and a Docker schema2 manifest to a registry.
 *
 * <p>Thread-safe. Layers of one image upload {@value #PARALLEL_UPLOADS} at a time, so the
 * {@link RegistryRepository} must take concurrent {@code hasBlob}/{@code uploadBlob} calls.
 */
public final class ImagePusher {
  /** dockerd's default max-concurrent-uploads. */
  static final int PARALLEL_UPLOADS = 5;

  private final ImageStore store;
  private final RegistryAccess registries;
  private final int parallelUploads;

  public ImagePusher(ImageStore store, RegistryAccess registries) {
    this(store, registries, PARALLEL_UPLOADS);
  }

  ImagePusher(ImageStore store, RegistryAccess registries, int parallelUploads) {
    this.store = store;
    this.registries = registries;
    this.parallelUploads = parallelUploads;
  }

  /**
   * Pushes {@code ref}: its tag, or every tag of its repository when it has none. A reference
   * with no local image throws NotFoundException ("An image does not exist locally with the tag:
   * ...") before {@code progress} hears anything.
   */
  public void push(ImageReference ref, RegistryAuth auth, ProgressSink progress) throws IOException {
    if (ref.digest() != null) {
      throw new InvalidParameterException("cannot push a digest reference");
    }
    List<ImageReference> tags = localTags(ref);
    RegistryRepository repo = registries.open(ref.repository(), auth, true);
    ProgressSink out = SerialProgress.of(progress);
    out.message(null, "The push refers to repository [" + ref.name() + "]");
    for (ImageReference tag : tags) {
      pushTag(repo, tag, out);
    }
  }

  private List<ImageReference> localTags(ImageReference ref) {
    List<ImageReference> tags;
    if (ref.tag() != null) {
      tags = store.lookup(ref).isPresent() ? List.of(ref) : List.of();
    } else {
      tags = store.allReferences().keySet().stream()
          .map(ImageReference::parseCanonical)
          .filter(r -> r.tag() != null && r.digest() == null && r.name().equals(ref.name()))
          .sorted(Comparator.comparing(ImageReference::tag))
          .toList();
    }
    if (tags.isEmpty()) {
      throw new NotFoundException("An image does not exist locally with the tag: " + ref.familiarName());
    }
    return tags;
  }

  private void pushTag(RegistryRepository repo, ImageReference tag, ProgressSink out) throws IOException {
    Digest id = store.lookup(tag).orElseThrow(
        () -> new NotFoundException("An image does not exist locally with the tag: " + tag.familiarName()));
    StoredImage image = store.image(id).orElseThrow(() -> new NotFoundException("No such image: " + id));
    byte[] config = store.configBytes(id);
    Map<Digest, BlobRef> layers = pushLayers(repo, tag.name(), image.diffIds(), out);
    BlobRef configBlob = new BlobRef(Digest.of(config), config.length);
    if (!repo.hasBlob(configBlob.digest())) {
      uploadConfig(repo, configBlob.digest(), config);
    }
    byte[] manifest = Schema2ManifestWriter.write(configBlob, image.diffIds().stream().map(layers::get).toList());
    repo.putManifest(tag.tag(), MediaTypes.DOCKER_MANIFEST, manifest);
    Digest digest = Digest.of(manifest);
    out.pushed(tag.tag(), digest, manifest.length);
    // As dockerd does, so `docker images --digests` and RepoDigests show what the registry has.
    ImageReference digested = tag.repository().withDigest(digest);
    if (store.lookup(digested).filter(id::equals).isEmpty()) {
      store.tag(digested, id);
    }
  }

  /**
   * Uploads the layers top-down as Docker lists them; returns each diffID's compressed blob.
   * {@code repository} is the target as registry host + path, for the store's distribution metadata.
   */
  private Map<Digest, BlobRef> pushLayers(RegistryRepository repo, String repository, List<Digest> diffIds,
      ProgressSink out) throws IOException {
    List<Digest> topDown = new ArrayList<>(diffIds.reversed().stream().distinct().toList());
    for (Digest diffId : topDown) {
      out.layer(diffId.shortId(), "Preparing", -1, -1);
    }
    for (int i = parallelUploads; i < topDown.size(); i++) {
      out.layer(topDown.get(i).shortId(), "Waiting", -1, -1);
    }
    Map<Digest, BlobRef> blobs = new LinkedHashMap<>();
    if (topDown.isEmpty()) {
      return blobs;
    }
    Files.createDirectories(store.layout().tmpDir());
    try (TransferPool pool = new TransferPool("layer-upload", Math.min(parallelUploads, topDown.size()))) {
      Map<Digest, Future<BlobRef>> uploads = new LinkedHashMap<>();
      for (Digest diffId : topDown) {
        uploads.put(diffId, pool.submit(new LayerUpload(store, repo, repository, diffId, out)));
      }
      for (Map.Entry<Digest, Future<BlobRef>> upload : uploads.entrySet()) {
        blobs.put(upload.getKey(), TransferPool.await(upload.getValue()));
      }
    }
    return blobs;
  }

  private void uploadConfig(RegistryRepository repo, Digest digest, byte[] config) throws IOException {
    Path temp = store.layout().newTemp("push-config");
    try {
      Files.write(temp, config);
      repo.uploadBlob(digest, temp, sent -> {});
    } finally {
      AtomicFiles.deleteQuietly(temp);
    }
  }
}
