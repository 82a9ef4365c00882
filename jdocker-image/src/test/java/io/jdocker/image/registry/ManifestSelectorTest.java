package io.jdocker.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdocker.errdefs.NotFoundException;
import io.jdocker.image.oci.Descriptor;
import io.jdocker.image.oci.ImageIndex;
import io.jdocker.image.oci.MediaTypes;
import io.jdocker.image.oci.Platform;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestSelectorTest {
  private static Descriptor entry(String name, String os, String arch, String variant) {
    return new Descriptor(MediaTypes.OCI_MANIFEST, name, 1, null, new Platform(arch, os, variant));
  }

  private static final ImageIndex INDEX = new ImageIndex(2, MediaTypes.OCI_INDEX, List.of(
      entry("attestation", "unknown", "unknown", null),
      entry("armv6", "linux", "arm", "v6"),
      entry("armv7", "linux", "arm", "v7"),
      entry("arm64v8", "linux", "arm64", "v8"),
      entry("amd64v3", "linux", "amd64", "v3"),
      entry("amd64", "linux", "amd64", null),
      entry("windows", "windows", "amd64", null)), null);

  private static String pick(ImageIndex index, String arch, String variant) {
    return ManifestSelector.select(index, new Platform(arch, "linux", variant)).digest();
  }

  @Test
  void exactVariantFirstThenNoVariant() {
    assertEquals("amd64", pick(INDEX, "amd64", null));
    assertEquals("amd64v3", pick(INDEX, "amd64", "v3"));
    assertEquals("amd64", pick(INDEX, "amd64", "v2"));
    assertEquals("armv7", pick(INDEX, "arm", "v7"));
    assertEquals("arm64v8", pick(INDEX, "arm64", null));
    assertEquals("arm64v8", pick(INDEX, "arm64", "v8"));
  }

  @Test
  void noMatchNamesThePlatformAsDockerDoes() {
    NotFoundException e = assertThrows(NotFoundException.class, () -> pick(INDEX, "arm", "v5"));
    assertEquals("no matching manifest for linux/arm/v5 in the manifest list entries", e.getMessage());
    e = assertThrows(NotFoundException.class, () -> pick(INDEX, "s390x", null));
    assertEquals("no matching manifest for linux/s390x in the manifest list entries", e.getMessage());
  }

  @Test
  void nestedIndexesAreSkipped() {
    ImageIndex nested = new ImageIndex(2, MediaTypes.OCI_INDEX, List.of(
        new Descriptor(MediaTypes.OCI_INDEX, "inner", 1, null, Platform.LINUX_AMD64)), null);
    assertThrows(NotFoundException.class, () -> pick(nested, "amd64", null));
  }
}
