package io.jdocker.daemon.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdocker.errdefs.NotFoundException;
import io.jdocker.image.layer.LayerUnpacker;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.store.ImageStore;
import io.jdocker.image.store.PreparedLayer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageLayersTest {
  @TempDir Path dataRoot;

  @Test
  void layerDirsComeLowestFirst() throws Exception {
    ImageStore store = ImageStore.open(dataRoot, LayerUnpacker.create());
    PreparedLayer base = store.prepareLayer(new ByteArrayInputStream(tar("base")), null, null, "layer 1");
    PreparedLayer top = store.prepareLayer(new ByteArrayInputStream(tar("top")), base.chainId(), null, "layer 2");
    String config = """
        {"architecture":"amd64","os":"linux","config":{},"rootfs":{"type":"layers","diff_ids":["%s","%s"]}}"""
        .formatted(base.diffId(), top.diffId());
    Digest id = store.commit(config.getBytes(StandardCharsets.UTF_8), List.of(base, top), null, List.of(), false)
        .image().id();

    List<Path> layers = ImageLayers.of(store, id);

    assertEquals(2, layers.size());
    assertEquals("base", Files.readString(layers.get(0).resolve("marker")));
    assertEquals("top", Files.readString(layers.get(1).resolve("marker")));
    assertThrows(NotFoundException.class, () -> ImageLayers.of(store, Digest.of(new byte[] {1})));
  }

  private static byte[] tar(String marker) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      byte[] content = marker.getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry file = new TarArchiveEntry("marker");
      file.setSize(content.length);
      file.setMode(0100644);
      tar.putArchiveEntry(file);
      tar.write(content);
      tar.closeArchiveEntry();
    }
    return bytes.toByteArray();
  }
}
