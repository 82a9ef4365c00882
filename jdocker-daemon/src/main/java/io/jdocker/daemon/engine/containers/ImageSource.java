package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.container.Container;
import io.jdocker.daemon.engine.images.ImageService;
import io.jdocker.errdefs.UnavailableException;
import io.jdocker.image.commit.ImageCommitter;
import io.jdocker.image.oci.ContainerConfig;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.store.StoredImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The images containers are created from; {@link #of(ImageService)} for the real store. */
public interface ImageSource {
  /** The image, or NotFoundException "No such image: busybox:latest". */
  Image resolve(String reference);

  /** The image a reference names, if any (for the {@code ancestor} filter). */
  Optional<Image> find(String reference);

  /**
   * @param id the image ID ("sha256:…")
   * @param layerDirs unpacked layer dirs, top layer first (as {@link Container#lowerDirs()})
   */
  record Image(String id, ContainerConfig config, List<String> layerDirs) {}

  /** {@code ancestor=} matches the image the container was created from, by name or ID. */
  default boolean isAncestor(String ancestor, Container c) {
    return find(ancestor).map(i -> i.id().equals(c.imageId())).orElse(false);
  }

  /** The image's unpacked size (Docker's Size), for a container's SizeRootFs; 0 if unknown. */
  default long size(String imageId) {
    return 0;
  }

  /** docker commit's image side: a new image from a container's changes (see {@link ImageService#commit}). */
  default Digest commit(ImageCommitter.Request request) throws IOException {
    throw new UnavailableException("images cannot be committed here");
  }

  static ImageSource of(ImageService images) {
    return new ImageSource() {
      @Override
      public Digest commit(ImageCommitter.Request request) throws IOException {
        return images.commit(request);
      }

      @Override
      public long size(String imageId) {
        return images.inspect(imageId).size();
      }

      @Override
      public Image resolve(String reference) {
        return toImage(images, images.inspect(reference));
      }

      @Override
      public Optional<Image> find(String reference) {
        try {
          return Optional.of(resolve(reference));
        } catch (RuntimeException e) {
          return Optional.empty();
        }
      }
    };
  }

  private static Image toImage(ImageService images, StoredImage image) {
    List<String> dirs = new ArrayList<>();
    image.chainIds().forEach(chain -> dirs.add(images.layerDiff(chain).toString()));
    return new Image(image.id().toString(), image.config().configOrEmpty(), dirs.reversed());
  }
}
