package io.jdocker.image.store;

import io.jdocker.image.imports.ImageImporter;
import io.jdocker.image.layer.LayerUnpacker;
import io.jdocker.image.ref.ImageReference;
import io.jdocker.image.testing.Tars;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Opens stores on a temp dir and imports small images into them. */
public final class StoreFixture {
  private StoreFixture() {}

  public static ImageStore open(Path dataRoot) throws IOException {
    return ImageStore.open(dataRoot, LayerUnpacker.create());
  }

  public static StoredImage importImage(ImageStore store, String marker, String tag) throws IOException {
    return new ImageImporter(store).importTar(new ByteArrayInputStream(Tars.rootfs(marker)),
        tag == null ? null : ImageReference.parse(tag), "Imported from -", List.of()).image();
  }

  /** Number of entries in a directory (0 when absent). */
  public static long count(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.count();
    }
  }
}
