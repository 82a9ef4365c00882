package io.jdocker.image.registry;

import io.jdocker.image.oci.Platform;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.ref.ImageReference;
import io.jdocker.image.store.ImageStore;
import java.io.IOException;
import java.util.List;

/** {@code docker pull}: manifest (index → platform), config and layers into the store, verified. */
public final class ImagePuller {
  private final ImageStore store;
  private final RegistryAccess registries;

  public ImagePuller(ImageStore store, RegistryAccess registries) {
    this.store = store;
    this.registries = registries;
  }

  /**
   * One pulled image: its ID, the digest of the manifest (or index) the reference resolved to,
   * the reference it was stored under, and whether anything new was stored.
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
    throw new UnsupportedOperationException("being written");
  }

  /** {@code docker pull -a}: every tag of the repository of {@code repository}. */
  public List<Result> pullAllTags(ImageReference repository, RegistryAuth auth, Platform platform,
      ProgressSink progress) throws IOException {
    throw new UnsupportedOperationException("being written");
  }
}
