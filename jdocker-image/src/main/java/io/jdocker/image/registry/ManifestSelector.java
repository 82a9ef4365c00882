package io.jdocker.image.registry;

import io.jdocker.errdefs.NotFoundException;
import io.jdocker.image.oci.Descriptor;
import io.jdocker.image.oci.ImageIndex;
import io.jdocker.image.oci.MediaTypes;
import io.jdocker.image.oci.Platform;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Picks the image of one platform from an index or manifest list. Entries must match os and
 * architecture; among those, the one with the wanted variant wins, then one without a variant
 * (a plain {@code linux/arm64} entry serves {@code linux/arm64/v8}). Entries that are not image
 * manifests (nested indexes) are skipped; attestation entries carry the platform
 * {@code unknown/unknown} and so never match.
 */
final class ManifestSelector {
  private ManifestSelector() {}

  static Descriptor select(ImageIndex index, Platform wanted) {
    List<Descriptor> candidates = index.manifestsOrEmpty().stream()
        .filter(d -> d.platform() != null && d.platform().os() != null && d.platform().matches(wanted))
        .filter(d -> d.mediaType() == null || MediaTypes.MANIFESTS.contains(d.mediaType()))
        .toList();
    String variant = emptyToNull(wanted.variant());
    return withVariant(candidates, variant)
        .or(() -> withVariant(candidates, null))
        .or(() -> variant == null ? candidates.stream().findFirst() : Optional.empty())
        .orElseThrow(() -> new NotFoundException(
            "no matching manifest for " + format(wanted) + " in the manifest list entries"));
  }

  private static Optional<Descriptor> withVariant(List<Descriptor> candidates, String variant) {
    return candidates.stream().filter(d -> Objects.equals(emptyToNull(d.platform().variant()), variant)).findFirst();
  }

  /** {@code linux/amd64}, {@code linux/arm/v7}: how Docker names a platform in messages. */
  static String format(Platform p) {
    String base = p.os() + "/" + p.architecture();
    return emptyToNull(p.variant()) == null ? base : base + "/" + p.variant();
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
