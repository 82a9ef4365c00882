package io.jdocker.image.registry;

import io.jdocker.image.ref.ImageReference;
import io.jdocker.image.store.ImageStore;
import java.io.IOException;

/** {@code docker push}: layers (gzip), config and a Docker schema2 manifest to a registry. */
public final class ImagePusher {
  private final ImageStore store;
  private final RegistryAccess registries;

  public ImagePusher(ImageStore store, RegistryAccess registries) {
    this.store = store;
    this.registries = registries;
  }

  /**
   * Pushes {@code ref}: its tag, or every tag of its repository when it has none. A reference
   * with no local image throws NotFoundException ("An image does not exist locally with the tag:
   * ...") before {@code progress} hears anything.
   */
  public void push(ImageReference ref, RegistryAuth auth, ProgressSink progress) throws IOException {
    throw new UnsupportedOperationException("being written");
  }
}
