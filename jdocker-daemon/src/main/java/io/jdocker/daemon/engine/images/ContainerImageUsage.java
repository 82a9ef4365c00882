package io.jdocker.daemon.engine.images;

import io.jdocker.image.ref.Digest;
import java.util.List;

/**
 * Which containers use an image, so {@code rmi} can refuse to delete it. The container engine
 * implements this (next issue); until then no image is in use.
 */
@FunctionalInterface
public interface ContainerImageUsage {
  ContainerImageUsage NONE = imageId -> List.of();

  /** One container created from an image. */
  record User(String containerId, boolean running) {
    public String shortId() {
      return containerId.length() > 12 ? containerId.substring(0, 12) : containerId;
    }
  }

  List<User> usersOf(Digest imageId);
}
