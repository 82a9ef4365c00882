package io.jdocker.daemon.engine.images;

import io.jdocker.daemon.api.Filters;
import io.jdocker.daemon.engine.events.EventBus;
import io.jdocker.image.layer.LayerUnpacker;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.store.ImageStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** An image service on a temp dir, and tiny rootfs tars to import into it. */
public final class TestImages {
  private TestImages() {}

  public static ImageService service(Path dataRoot, EventBus bus, ContainerImageUsage usage) throws IOException {
    return new ImageService(ImageStore.open(dataRoot, LayerUnpacker.create()), bus, usage);
  }

  public static byte[] rootfs(String marker) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      byte[] content = ("busybox-like " + marker).getBytes(StandardCharsets.UTF_8);
      // A fixed mtime: the same marker must give the same layer whenever it is imported.
      java.util.Date fixed = new java.util.Date(1_700_000_000_000L);
      TarArchiveEntry dir = new TarArchiveEntry("bin/");
      dir.setModTime(fixed);
      tar.putArchiveEntry(dir);
      tar.closeArchiveEntry();
      TarArchiveEntry file = new TarArchiveEntry("bin/sh");
      file.setSize(content.length);
      file.setMode(0100755);
      file.setModTime(fixed);
      tar.putArchiveEntry(file);
      tar.write(content);
      tar.closeArchiveEntry();
    }
    return bytes.toByteArray();
  }

  public static Digest importImage(ImageService service, String marker, String repo, String... changes)
      throws IOException {
    return service.importImage(new ByteArrayInputStream(rootfs(marker)), repo, "", "", List.of(changes));
  }

  public static Filters filters(String json) {
    return Filters.parse(json);
  }
}
