package io.jdocker.image.registry;

import io.jdocker.errdefs.InvalidParameterException;
import java.util.Set;

/**
 * The layer media types a pull accepts. The content is decompressed by its magic bytes, as
 * dockerd does, so a mislabelled layer still works; the media type only decides whether the layer
 * is one at all. Foreign (non-distributable) layers live at URLs outside the registry, and are
 * refused rather than fetched from wherever their descriptor points.
 */
final class LayerMediaTypes {
  static final String DOCKER_GZIP = "application/vnd.docker.image.rootfs.diff.tar.gzip";
  static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";

  private static final Set<String> ACCEPTED = Set.of(
      DOCKER_GZIP,
      "application/vnd.docker.image.rootfs.diff.tar",
      "application/vnd.oci.image.layer.v1.tar",
      "application/vnd.oci.image.layer.v1.tar+gzip",
      "application/vnd.oci.image.layer.v1.tar+zstd");

  private static final Set<String> FOREIGN = Set.of(
      "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip",
      "application/vnd.oci.image.layer.nondistributable.v1.tar",
      "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip",
      "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd");

  private LayerMediaTypes() {}

  /** Whether a layer of {@code mediaType} is a gzip blob a pushed schema2 manifest may name as such. */
  static boolean isGzip(String mediaType) {
    return DOCKER_GZIP.equals(mediaType) || "application/vnd.oci.image.layer.v1.tar+gzip".equals(mediaType);
  }

  /** Throws when a layer of {@code mediaType} cannot be pulled; {@code what} names the layer. */
  static void check(String mediaType, String what) {
    if (mediaType == null || ACCEPTED.contains(mediaType)) {
      return;
    }
    if (FOREIGN.contains(mediaType)) {
      throw new InvalidParameterException("cannot pull " + what + ": it is a foreign (non-distributable) layer ("
          + mediaType + ") that must be downloaded from outside the registry, which is not supported");
    }
    throw new InvalidParameterException("cannot pull " + what + ": unsupported layer media type " + mediaType);
  }
}
