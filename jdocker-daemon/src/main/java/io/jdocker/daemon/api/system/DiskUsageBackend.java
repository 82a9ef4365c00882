package io.jdocker.daemon.api.system;

import io.jdocker.daemon.api.types.container.ContainerSummary;
import io.jdocker.image.ref.ImageReference;
import io.jdocker.image.store.StoredImage;
import java.util.List;

/** What {@code GET /system/df} needs from the engines. */
public interface DiskUsageBackend {
  /** The images df lists (top-level ones, as {@code GET /images/json}) and the bytes of their layers. */
  ImageUsage images();

  /** Every container, with SizeRw and SizeRootFs filled. */
  List<ContainerSummary> containers();

  /**
   * @param layersSize bytes of the unique layers of all listed images (a shared layer counts once)
   */
  record ImageUsage(long layersSize, List<UsedImage> images) {
    public ImageUsage {
      images = List.copyOf(images);
    }
  }

  /**
   * @param containers number of containers (running or not) created from the image
   * @param sharedSize bytes of the image's layers that other listed images use too
   */
  record UsedImage(StoredImage image, List<ImageReference> references, long containers, long sharedSize) {
    public UsedImage {
      references = List.copyOf(references);
    }
  }
}
