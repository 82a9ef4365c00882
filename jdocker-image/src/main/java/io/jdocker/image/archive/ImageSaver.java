package io.jdocker.image.archive;

import io.jdocker.errdefs.NotFoundException;
import io.jdocker.image.oci.Descriptor;
import io.jdocker.image.oci.ImageIndex;
import io.jdocker.image.oci.ImageManifest;
import io.jdocker.image.oci.Json;
import io.jdocker.image.oci.MediaTypes;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.ref.ImageReference;
import io.jdocker.image.store.ImageResolver;
import io.jdocker.image.store.ImageStore;
import io.jdocker.image.store.StoredImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * {@code docker save}: writes what Docker 25+ writes, an OCI image layout (oci-layout, index.json,
 * blobs/sha256/...) plus the legacy manifest.json and repositories pointing into blobs/, so both
 * old and new Docker can load it. Layers are the stored uncompressed tars, so diffIDs round-trip.
 */
public final class ImageSaver {
  private final ImageStore store;
  private final ImageResolver resolver;

  public ImageSaver(ImageStore store) {
    this.store = store;
    this.resolver = new ImageResolver(store);
  }

  /** Images to save, each with the tags to record for it, in the order first named. */
  public Map<StoredImage, List<ImageReference>> select(List<String> names) {
    Map<Digest, StoredImage> byId = new LinkedHashMap<>();
    Map<Digest, List<ImageReference>> tags = new LinkedHashMap<>();
    for (String name : names) {
      ImageReference ref = nameOnly(name);
      if (ref != null) {
        List<Map.Entry<ImageReference, Digest>> inRepo = tagsOfRepository(ref);
        if (!inRepo.isEmpty()) {
          for (Map.Entry<ImageReference, Digest> e : inRepo) {
            add(byId, tags, store.image(e.getValue()).orElseThrow(), e.getKey());
          }
          continue;
        }
      }
      StoredImage image = resolver.resolve(name);
      ImageReference named = namedTag(name);
      add(byId, tags, image, named != null && store.lookup(named).map(image.id()::equals).orElse(false) ? named : null);
    }
    Map<StoredImage, List<ImageReference>> out = new LinkedHashMap<>();
    byId.forEach((id, image) -> out.put(image, tags.get(id)));
    return out;
  }

  private static void add(Map<Digest, StoredImage> byId, Map<Digest, List<ImageReference>> tags, StoredImage image,
      ImageReference tag) {
    byId.putIfAbsent(image.id(), image);
    List<ImageReference> list = tags.computeIfAbsent(image.id(), k -> new ArrayList<>());
    if (tag != null && !list.contains(tag)) {
      list.add(tag);
    }
  }

  /** A bare repository name ("busybox"): Docker saves every tag of it. */
  private static ImageReference nameOnly(String name) {
    try {
      ImageReference ref = ImageReference.parse(name);
      return ref.tag() == null && !ref.isDigested() ? ref : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static ImageReference namedTag(String name) {
    if (Digest.isHex64(name) || Digest.isDigest(name)) {
      return null;
    }
    try {
      ImageReference ref = ImageReference.parse(name);
      return ref.isDigested() ? null : ref.withDefaultTag();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private List<Map.Entry<ImageReference, Digest>> tagsOfRepository(ImageReference repo) {
    List<Map.Entry<ImageReference, Digest>> out = new ArrayList<>();
    new TreeMap<>(store.allReferences()).forEach((refText, id) -> {
      ImageReference ref = ImageReference.parseCanonical(refText);
      if (ref.name().equals(repo.name()) && ref.tag() != null && !ref.isDigested()) {
        out.add(Map.entry(ref, id));
      }
    });
    return out;
  }

  /** Writes the archive of {@code images} to {@code out} (not closed). */
  public void write(Map<StoredImage, List<ImageReference>> images, OutputStream out) throws IOException {
    if (images.isEmpty()) {
      throw new NotFoundException("no images to save");
    }
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    directory(tar, "blobs/");
    directory(tar, "blobs/sha256/");
    Set<Digest> written = new HashSet<>();
    List<Descriptor> indexEntries = new ArrayList<>();
    List<DockerArchiveManifest> legacy = new ArrayList<>();
    Map<String, Map<String, String>> repositories = new TreeMap<>();
    for (Map.Entry<StoredImage, List<ImageReference>> e : images.entrySet()) {
      StoredImage image = e.getKey();
      List<Descriptor> layerDescriptors = new ArrayList<>();
      List<String> layerPaths = new ArrayList<>();
      for (Digest diffId : image.diffIds()) {
        Path tarFile = store.layerTar(diffId);
        long size = Files.size(tarFile);
        if (written.add(diffId)) {
          fileEntry(tar, OciLayoutReader.blobPath(diffId), tarFile, size);
        }
        layerDescriptors.add(new Descriptor(MediaTypes.OCI_LAYER_TAR, diffId.toString(), size, null, null));
        layerPaths.add(OciLayoutReader.blobPath(diffId));
      }
      byte[] config = store.configBytes(image.id());
      if (written.add(image.id())) {
        bytesEntry(tar, OciLayoutReader.blobPath(image.id()), config);
      }
      byte[] manifest = Json.write(new ImageManifest(2, MediaTypes.OCI_MANIFEST,
          new Descriptor(MediaTypes.OCI_CONFIG, image.id().toString(), config.length, null, null),
          layerDescriptors, null));
      Digest manifestDigest = Digest.of(manifest);
      if (written.add(manifestDigest)) {
        bytesEntry(tar, OciLayoutReader.blobPath(manifestDigest), manifest);
      }
      List<ImageReference> tags = e.getValue();
      if (tags.isEmpty()) {
        indexEntries.add(new Descriptor(MediaTypes.OCI_MANIFEST, manifestDigest.toString(), manifest.length, null, null));
      }
      for (ImageReference tag : tags) {
        indexEntries.add(new Descriptor(MediaTypes.OCI_MANIFEST, manifestDigest.toString(), manifest.length,
            Map.of(MediaTypes.ANNOTATION_IMAGE_NAME, tag.toString(), MediaTypes.ANNOTATION_REF_NAME, tag.tag()), null));
        if (!image.diffIds().isEmpty()) {
          repositories.computeIfAbsent(tag.familiarName(), k -> new TreeMap<>())
              .put(tag.tag(), image.diffIds().getLast().hex());
        }
      }
      legacy.add(new DockerArchiveManifest(OciLayoutReader.blobPath(image.id()),
          tags.isEmpty() ? null : tags.stream().map(ImageReference::familiarString).toList(), layerPaths));
    }
    bytesEntry(tar, OciLayoutReader.INDEX, Json.write(new ImageIndex(2, MediaTypes.OCI_INDEX, indexEntries, null)));
    bytesEntry(tar, DockerArchiveReader.MANIFEST, Json.write(legacy));
    bytesEntry(tar, "oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    if (!repositories.isEmpty()) {
      bytesEntry(tar, "repositories", Json.write(repositories));
    }
    tar.finish();
    out.flush();
  }

  private static void directory(TarArchiveOutputStream tar, String name) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setMode(040755);
    tar.putArchiveEntry(entry);
    tar.closeArchiveEntry();
  }

  private static void bytesEntry(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(content.length);
    entry.setMode(0100644);
    tar.putArchiveEntry(entry);
    tar.write(content);
    tar.closeArchiveEntry();
  }

  private static void fileEntry(TarArchiveOutputStream tar, String name, Path file, long size) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(size);
    entry.setMode(0100644);
    tar.putArchiveEntry(entry);
    try (var in = Files.newInputStream(file)) {
      long copied = in.transferTo(tar);
      if (copied != size) {
        throw new IOException("layer " + file + " changed while it was being saved");
      }
    }
    tar.closeArchiveEntry();
  }
}
