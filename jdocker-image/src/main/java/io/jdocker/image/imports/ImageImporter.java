package io.jdocker.image.imports;

import io.jdocker.image.archive.CorruptInput;
import io.jdocker.image.oci.ContainerConfig;
import io.jdocker.image.oci.HistoryEntry;
import io.jdocker.image.oci.ImageConfig;
import io.jdocker.image.oci.Json;
import io.jdocker.image.oci.RootFs;
import io.jdocker.image.oci.Timestamps;
import io.jdocker.image.ref.ImageReference;
import io.jdocker.image.store.ImageStore;
import io.jdocker.image.store.PreparedLayer;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;

/** {@code docker import}: a (possibly compressed) rootfs tar becomes a one-layer image. */
public final class ImageImporter {
  private final ImageStore store;

  public ImageImporter(ImageStore store) {
    this.store = store;
  }

  /**
   * Imports {@code rootfs}. Changes are checked before the body is read, so a bad change loses
   * nothing. {@code comment} is the history comment (dockerd passes "Imported from -" when the
   * user gave no message).
   */
  public ImageStore.CommitResult importTar(InputStream rootfs, ImageReference tag, String comment,
      List<String> changes) throws IOException {
    ContainerConfig config = ConfigChanges.apply(ContainerConfig.empty(), changes);
    PreparedLayer layer = store.prepareLayer(CorruptInput.decompress(rootfs, "invalid rootfs tar"), null, null, "imported layer");
    String created = Timestamps.rfc3339Nano(Instant.now());
    ImageConfig image = new ImageConfig("amd64", "linux", null, created, null, comment, null, config,
        RootFs.layers(List.of(layer.diffId())),
        List.of(new HistoryEntry(created, null, null, comment, null)), new LinkedHashMap<>());
    return store.commit(Json.write(image), List.of(layer), null, tag == null ? List.of() : List.of(tag), true);
  }
}
