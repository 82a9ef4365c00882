package io.jdocker.image.archive;

import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.image.oci.ImageConfig;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.ref.ImageReference;
import io.jdocker.image.store.AtomicFiles;
import io.jdocker.image.store.ImageStore;
import io.jdocker.image.store.PreparedLayer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code docker load}: reads a docker-archive (manifest.json) or an OCI layout (index.json),
 * verifies every digest and diffID, and only then commits the images. A bad archive fails with a
 * 400 naming the entry, and whatever was spooled or unpacked is removed.
 */
public final class ImageLoader {
  private final ImageStore store;

  public ImageLoader(ImageStore store) {
    this.store = store;
  }

  /** One loaded image: its ID, its tags, and the images those tags were moved away from. */
  public record Loaded(Digest id, List<ImageReference> tags, Map<ImageReference, Digest> movedFrom) {}

  public List<Loaded> load(InputStream archive) throws IOException {
    Files.createDirectories(store.layout().tmpDir());
    Path spool = store.layout().newTemp("load");
    List<List<PreparedLayer>> prepared = new ArrayList<>();
    try {
      ArchiveSpool.extract(CorruptInput.decompress(new BufferedInputStream(archive, 1 << 16), "invalid image archive"), spool);
      List<ArchiveImage> images = readArchive(spool);
      List<byte[]> configs = new ArrayList<>();
      for (ArchiveImage image : images) {
        configs.add(image.configBytes());
        prepared.add(prepare(image));
      }
      List<Loaded> loaded = new ArrayList<>();
      for (int i = 0; i < images.size(); i++) {
        List<PreparedLayer> layers = prepared.get(i);
        prepared.set(i, List.of());
        ImageStore.CommitResult result = store.commit(configs.get(i), layers, null, images.get(i).tags(), false);
        loaded.add(new Loaded(result.image().id(), images.get(i).tags(), result.movedFrom()));
      }
      return loaded;
    } finally {
      prepared.forEach(store::discard);
      AtomicFiles.deleteQuietly(spool);
    }
  }

  private static List<ArchiveImage> readArchive(Path spool) throws IOException {
    if (Files.exists(spool.resolve(DockerArchiveReader.MANIFEST))) {
      return DockerArchiveReader.read(spool);
    }
    if (Files.exists(spool.resolve(OciLayoutReader.INDEX))) {
      return OciLayoutReader.read(spool);
    }
    throw new InvalidParameterException("invalid image archive: neither manifest.json nor index.json found");
  }

  private List<PreparedLayer> prepare(ArchiveImage image) throws IOException {
    ImageConfig config = ImageConfig.parse(image.configBytes(), "image config " + image.configName());
    List<Digest> diffIds = config.rootfs().digests();
    if (diffIds.size() != image.layers().size()) {
      throw new InvalidParameterException("invalid image archive: " + image.configName() + " lists "
          + diffIds.size() + " layers (rootfs.diff_ids) but the manifest has " + image.layers().size());
    }
    List<PreparedLayer> layers = new ArrayList<>();
    try {
      Digest parent = null;
      for (int i = 0; i < diffIds.size(); i++) {
        ArchiveImage.Layer layer = image.layers().get(i);
        if (layer.blobDigest() != null) {
          OciLayoutReader.verifyBlob(layer);
        }
        try (InputStream in = CorruptInput.decompress(
            new BufferedInputStream(Files.newInputStream(layer.file()), 1 << 16), "invalid image archive: layer " + layer.name())) {
          PreparedLayer p = store.prepareLayer(in, parent, diffIds.get(i), "layer " + layer.name());
          layers.add(p);
          parent = p.chainId();
        }
      }
      return layers;
    } catch (IOException | RuntimeException e) {
      store.discard(layers);
      throw e;
    }
  }
}
