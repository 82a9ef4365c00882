package io.jdocker.daemon.runtime;

import io.jdocker.errdefs.NotFoundException;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.store.ImageStore;
import io.jdocker.image.store.StoredImage;
import java.nio.file.Path;
import java.util.List;

/** The unpacked layer dirs of an image, lowest first, as {@link RuntimeConfig#layers()} wants them. */
public final class ImageLayers {
  private ImageLayers() {}

  public static List<Path> of(ImageStore store, Digest imageId) {
    StoredImage image = store.image(imageId)
        .orElseThrow(() -> new NotFoundException("No such image: " + imageId));
    return image.chainIds().stream().map(store::layerDiff).toList();
  }
}
