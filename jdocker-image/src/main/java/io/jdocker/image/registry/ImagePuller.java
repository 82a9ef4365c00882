package io.jdocker.image.registry;

import io.jdocker.errdefs.NotFoundException;
import io.jdocker.image.oci.Descriptor;
import io.jdocker.image.oci.Platform;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.ref.ImageReference;
import io.jdocker.image.store.BlobSource;
import io.jdocker.image.store.ImageStore;
import io.jdocker.image.store.PreparedLayer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker pull}: manifest (index → platform), config and layers into the store, verified.
 *
 * <p>Thread-safe: pulls may run concurrently (each one's downloads use a small pool of their own);
 * two pulls of the same layer both download it and the store keeps one.
 */
public final class ImagePuller {
  /** dockerd's default max-concurrent-downloads. */
  static final int PARALLEL_DOWNLOADS = 3;

  private final ImageStore store;
  private final RegistryAccess registries;
  private final int parallelDownloads;

  public ImagePuller(ImageStore store, RegistryAccess registries) {
    this(store, registries, PARALLEL_DOWNLOADS);
  }

  ImagePuller(ImageStore store, RegistryAccess registries, int parallelDownloads) {
    this.store = store;
    this.registries = registries;
    this.parallelDownloads = parallelDownloads;
  }

  /**
   * One pulled image: its ID, the digest of the manifest (or index) the reference resolved to,
   * the reference it was stored under, and whether anything changed (false exactly when Docker
   * says "Image is up to date": the reference already pointed at this image).
   */
  public record Result(Digest imageId, Digest manifestDigest, ImageReference reference, boolean downloaded) {}

  /**
   * Pulls {@code ref} (a tag or a digest; the caller has defaulted the tag). Everything that can
   * fail before the first byte of a layer (bad reference, unknown manifest, refused credentials,
   * no matching platform) throws before {@code progress} hears anything, so the API can still
   * answer with an error status.
   *
   * @param platform the wanted platform, or null for the host's (linux/amd64)
   */
  public Result pull(ImageReference ref, RegistryAuth auth, Platform platform, ProgressSink progress)
      throws IOException {
    ImageReference wanted = ref.digest() != null ? ref.repository().withDigest(ref.digest()) : ref.withDefaultTag();
    RegistryRepository repo = registries.open(wanted, auth, false);
    return pullFrom(repo, wanted, platform, SerialProgress.of(progress), true);
  }

  /** {@code docker pull -a}: every tag of the repository of {@code repository}. */
  public List<Result> pullAllTags(ImageReference repository, RegistryAuth auth, Platform platform,
      ProgressSink progress) throws IOException {
    ImageReference name = repository.repository();
    RegistryRepository repo = registries.open(name, auth, false);
    List<String> tags = repo.tags().stream().sorted().toList();
    if (tags.isEmpty()) {
      throw new NotFoundException("repository " + name.familiarName() + " has no tags");
    }
    ProgressSink out = SerialProgress.of(progress);
    List<Result> results = new ArrayList<>();
    for (String tag : tags) {
      // Each tag reports its own "Pulling from" and "Digest"; the status line comes once, for the repository.
      results.add(pullFrom(repo, name.withTag(tag), platform, out, false));
    }
    boolean any = results.stream().anyMatch(Result::downloaded);
    out.message(null, "Status: " + (any ? "Downloaded newer image for " : "Image is up to date for ")
        + name.familiarName());
    return results;
  }

  private Result pullFrom(RegistryRepository repo, ImageReference ref, Platform platform, ProgressSink out,
      boolean status) throws IOException {
    String tagOrDigest = ref.digest() != null ? ref.digest().toString() : ref.tag();
    ResolvedImage image = new ManifestResolver(repo, ref.familiarString())
        .resolve(tagOrDigest, platform == null ? Platform.LINUX_AMD64 : platform, platform != null);
    Digest id = image.imageId();
    List<ImageReference> refs = new ArrayList<>(List.of(ref));
    if (ref.digest() == null) {
      refs.add(ref.repository().withDigest(image.manifestDigest()));
    }
    boolean upToDate = store.lookup(ref).filter(id::equals).isPresent();

    out.message(tagOrDigest, "Pulling from " + repo.path());
    if (store.image(id).isPresent()) {
      // dockerd skips the layers of an image it has; only references may need adding.
      for (ImageReference r : refs) {
        if (store.lookup(r).filter(id::equals).isEmpty()) {
          store.tag(r, id);
        }
      }
    } else {
      List<PreparedLayer> layers = new LayerFetcher(store, repo, parallelDownloads, out).fetch(image);
      store.commit(image.configBytes(), layers, null, refs, true);
    }
    rememberSources(image, ref.name());
    out.message(null, "Digest: " + image.manifestDigest());
    if (status) {
      out.message(null, "Status: " + (upToDate ? "Image is up to date for " : "Downloaded newer image for ")
          + ref.familiarString());
    }
    return new Result(id, image.manifestDigest(), ref, !upToDate);
  }

  /**
   * Records each layer's blob in the store's distribution metadata, downloaded or not, so a later
   * push to this registry finds it without compressing. Only gzip blobs: a push's manifest
   * declares its layers gzip, so a zstd or plain tar blob must not stand in for one.
   */
  private void rememberSources(ResolvedImage image, String repository) {
    for (int i = 0; i < image.layers().size(); i++) {
      Descriptor layer = image.layers().get(i);
      if (LayerMediaTypes.isGzip(layer.mediaType()) && layer.size() > 0) {
        store.distribution().add(image.diffIds().get(i),
            BlobSource.of(image.layerDigest(i), layer.size(), repository));
      }
    }
  }
}
