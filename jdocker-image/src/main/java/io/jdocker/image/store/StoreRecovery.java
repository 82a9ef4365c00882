package io.jdocker.image.store;

import io.jdocker.image.layer.LayerUnpacker;
import io.jdocker.image.oci.ImageConfig;
import io.jdocker.image.oci.Json;
import io.jdocker.image.ref.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the store at start-up and repairs what an interrupted write left: empties tmp/, drops
 * incomplete image records and references to missing images, and removes layers and blobs no
 * image uses. Every step is safe to repeat if the daemon dies again during recovery.
 */
final class StoreRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(StoreRecovery.class);

  private StoreRecovery() {}

  static ImageStore open(StoreLayout layout, LayerUnpacker unpacker) throws IOException {
    for (Path dir : List.of(layout.blobsDir(), layout.layersDir(), layout.imagesDir(), layout.tmpDir())) {
      Files.createDirectories(dir);
    }
    AtomicFiles.emptyDir(layout.tmpDir());
    Map<Digest, LayerRecord> layers = loadLayers(layout);
    Map<Digest, StoredImage> images = loadImages(layout, layers);
    ReferenceIndex refs = ReferenceIndex.load(layout.repositories(), LOG);
    if (refs.retainImages(images.keySet())) {
      AtomicFiles.write(layout.repositories(), refs.serialize(), layout.newTemp("repositories"));
    }
    collectGarbage(layout, images, layers);
    return new ImageStore(layout, unpacker, images, layers, refs);
  }

  private static Map<Digest, LayerRecord> loadLayers(StoreLayout layout) throws IOException {
    Map<Digest, LayerRecord> layers = new HashMap<>();
    for (Path dir : list(layout.layersDir())) {
      String name = dir.getFileName().toString();
      try {
        Digest chain = new Digest(name);
        LayerRecord record = Json.MAPPER.readValue(Files.readAllBytes(dir.resolve(StoreLayout.LAYER_RECORD)),
            LayerRecord.class);
        if (!record.chain().equals(chain) || !Files.isDirectory(dir.resolve(StoreLayout.DIFF))
            || !Files.isRegularFile(layout.blob(record.diff()))) {
          throw new IOException("incomplete layer");
        }
        layers.put(chain, record);
      } catch (IOException | RuntimeException e) {
        LOG.warn("removing damaged layer {}: {}", dir, e.toString());
        AtomicFiles.deleteTree(dir);
      }
    }
    return layers;
  }

  private static Map<Digest, StoredImage> loadImages(StoreLayout layout, Map<Digest, LayerRecord> layers)
      throws IOException {
    Map<Digest, StoredImage> images = ImageStore.newImageMap();
    for (Path file : list(layout.imagesDir())) {
      String name = file.getFileName().toString();
      try {
        Digest id = new Digest(name.endsWith(".json") ? name.substring(0, name.length() - 5) : name);
        ImageRecord record = Json.MAPPER.readValue(Files.readAllBytes(file), ImageRecord.class);
        byte[] configBytes = Files.readAllBytes(layout.blob(id));
        if (!Digest.of(configBytes).equals(id)) {
          throw new IOException("config blob does not match its digest");
        }
        ImageConfig config = ImageConfig.parse(configBytes, "config");
        List<LayerRecord> chain = new ArrayList<>();
        Digest parent = null;
        for (Digest diffId : config.rootfs().digests()) {
          Digest chainId = LayerRecord.chainId(parent, diffId);
          LayerRecord layer = layers.get(chainId);
          if (layer == null) {
            throw new IOException("layer " + chainId + " missing");
          }
          chain.add(layer);
          parent = chainId;
        }
        images.put(id, new StoredImage(id, config, chain, record));
      } catch (IOException | RuntimeException e) {
        LOG.warn("removing incomplete image record {}: {}", file, e.toString());
        Files.deleteIfExists(file);
      }
    }
    return images;
  }

  private static void collectGarbage(StoreLayout layout, Map<Digest, StoredImage> images,
      Map<Digest, LayerRecord> layers) throws IOException {
    Set<Digest> usedChains = new HashSet<>();
    images.values().forEach(i -> usedChains.addAll(i.chainIds()));
    for (Digest chain : new ArrayList<>(layers.keySet())) {
      if (!usedChains.contains(chain)) {
        LOG.info("removing unused layer {}", chain);
        AtomicFiles.deleteTree(layout.layerDir(chain));
        layers.remove(chain);
      }
    }
    Set<String> usedBlobs = new HashSet<>();
    images.keySet().forEach(id -> usedBlobs.add(id.hex()));
    layers.values().forEach(l -> usedBlobs.add(l.diff().hex()));
    for (Path blob : list(layout.blobsDir())) {
      if (!usedBlobs.contains(blob.getFileName().toString())) {
        LOG.info("removing unused blob {}", blob);
        AtomicFiles.deleteTree(blob);
      }
    }
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }
}
