package io.jdocker.image.archive;

import io.jdocker.image.ref.Digest;
import io.jdocker.image.ref.ImageReference;
import java.nio.file.Path;
import java.util.List;

/** One image found in an archive, before verification: config bytes, layer files, tags. */
record ArchiveImage(String configName, byte[] configBytes, List<Layer> layers, List<ImageReference> tags) {
  /** A layer file; {@code blobDigest} is set when the archive promises one (OCI descriptors). */
  record Layer(String name, Path file, Digest blobDigest, long size) {}
}
