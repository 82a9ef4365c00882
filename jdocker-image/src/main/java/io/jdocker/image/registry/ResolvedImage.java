package io.jdocker.image.registry;

import io.jdocker.image.oci.Descriptor;
import io.jdocker.image.oci.ImageConfig;
import io.jdocker.image.ref.Digest;
import java.util.List;

/**
 * What a reference resolved to on the registry, all verified: the digest to record (the index's
 * when the reference named one), the image's layers bottom-up and its config, whose digest is
 * the image ID.
 */
record ResolvedImage(Digest manifestDigest, List<Descriptor> layers, byte[] configBytes, ImageConfig config) {
  ResolvedImage {
    layers = List.copyOf(layers);
  }

  Digest imageId() {
    return Digest.of(configBytes);
  }

  List<Digest> diffIds() {
    return config.rootfs().digests();
  }

  Digest layerDigest(int i) {
    return Digest.parse(layers.get(i).digest());
  }
}
