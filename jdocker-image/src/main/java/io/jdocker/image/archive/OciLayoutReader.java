package io.jdocker.image.archive;

import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.image.oci.Descriptor;
import io.jdocker.image.oci.ImageIndex;
import io.jdocker.image.oci.ImageManifest;
import io.jdocker.image.oci.Json;
import io.jdocker.image.oci.MediaTypes;
import io.jdocker.image.oci.Platform;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.ref.ImageReference;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an OCI image layout: index.json, nested indexes (choosing linux/amd64), manifests and
 * their blobs, verifying every blob it reads against its descriptor's digest and size.
 */
final class OciLayoutReader {
  static final String INDEX = "index.json";
  private static final int MAX_DEPTH = 8;

  private final Path root;
  /** Images by manifest digest, so one manifest named by several tags loads once. */
  private final Map<Digest, ArchiveImage> images = new LinkedHashMap<>();

  private OciLayoutReader(Path root) {
    this.root = root;
  }

  static List<ArchiveImage> read(Path root) throws IOException {
    OciLayoutReader reader = new OciLayoutReader(root);
    ImageIndex index = Json.read(ArchivePaths.readSmall(root, INDEX, "file"), ImageIndex.class, "index.json");
    reader.walkIndex(index, null, 0);
    if (reader.images.isEmpty()) {
      throw new InvalidParameterException("invalid image archive: index.json names no linux/amd64 image");
    }
    return List.copyOf(reader.images.values());
  }

  private void walkIndex(ImageIndex index, ImageReference inheritedName, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new InvalidParameterException("invalid image archive: indexes nested too deeply");
    }
    for (Descriptor d : index.manifestsOrEmpty()) {
      ImageReference name = depth == 0 ? nameOf(d) : inheritedName;
      String type = d.mediaType() == null ? "" : d.mediaType();
      if (MediaTypes.INDEXES.contains(type)) {
        walkIndex(Json.read(blob(d), ImageIndex.class, "index " + d.digest()), name, depth + 1);
      } else if (MediaTypes.MANIFESTS.contains(type)) {
        if (d.platform() != null && !d.platform().matches(Platform.LINUX_AMD64)) {
          continue;
        }
        addManifest(d, name);
      }
    }
  }

  private void addManifest(Descriptor d, ImageReference name) throws IOException {
    Digest digest = digestOf(d);
    ArchiveImage known = images.get(digest);
    if (known != null) {
      if (name != null && !known.tags().contains(name)) {
        List<ImageReference> tags = new ArrayList<>(known.tags());
        tags.add(name);
        images.put(digest, new ArchiveImage(known.configName(), known.configBytes(), known.layers(), tags));
      }
      return;
    }
    ImageManifest manifest = Json.read(blob(d), ImageManifest.class, "manifest " + d.digest());
    if (manifest.config() == null) {
      throw new InvalidParameterException("invalid image archive: manifest " + d.digest() + " has no config");
    }
    byte[] config = blob(manifest.config());
    List<ArchiveImage.Layer> layers = new ArrayList<>();
    for (Descriptor layer : manifest.layers() == null ? List.<Descriptor>of() : manifest.layers()) {
      Digest layerDigest = digestOf(layer);
      String path = blobPath(layerDigest);
      layers.add(new ArchiveImage.Layer(path, ArchivePaths.existingFile(root, path, "blob"), layerDigest, layer.size()));
    }
    images.put(digest, new ArchiveImage(blobPath(digestOf(manifest.config())), config, layers,
        name == null ? List.of() : List.of(name)));
  }

  /** The image name of a top-level entry: containerd's annotation, else a ref.name that is a full reference. */
  private static ImageReference nameOf(Descriptor d) {
    for (String key : List.of(MediaTypes.ANNOTATION_IMAGE_NAME, MediaTypes.ANNOTATION_REF_NAME)) {
      String value = d.annotationsOrEmpty().get(key);
      if (value == null) {
        continue;
      }
      try {
        ImageReference ref = ImageReference.parse(value);
        if (ref.tag() != null && !ref.isDigested() && (value.contains("/") || value.contains(":"))) {
          return ref;
        }
      } catch (InvalidParameterException ignored) {
        // A bare tag such as "latest" in ref.name names no repository: the image loads untagged.
      }
    }
    return null;
  }

  private static Digest digestOf(Descriptor d) {
    try {
      return Digest.parse(d.digest());
    } catch (InvalidParameterException e) {
      throw new InvalidParameterException("invalid image archive: unsupported digest \"" + d.digest() + "\"", e);
    }
  }

  static String blobPath(Digest digest) {
    return "blobs/sha256/" + digest.hex();
  }

  private byte[] blob(Descriptor d) throws IOException {
    Digest digest = digestOf(d);
    byte[] bytes = ArchivePaths.readSmall(root, blobPath(digest), "blob");
    if (!Digest.of(bytes).equals(digest)) {
      throw new InvalidParameterException("invalid image archive: blob " + digest + " does not match its digest");
    }
    if (d.size() != bytes.length) {
      throw new InvalidParameterException("invalid image archive: blob " + digest + " has size " + bytes.length
          + ", descriptor says " + d.size());
    }
    return bytes;
  }

  /** Hashes a layer file and compares it with what its descriptor promised. */
  static void verifyBlob(ArchiveImage.Layer layer) throws IOException {
    MessageDigest sha = Digest.sha256();
    long size;
    try (InputStream in = new DigestInputStream(Files.newInputStream(layer.file()), sha)) {
      size = in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    if (!Digest.ofRawDigest(sha.digest()).equals(layer.blobDigest())) {
      throw new InvalidParameterException("invalid image archive: blob " + layer.name() + " does not match its digest");
    }
    if (layer.size() >= 0 && size != layer.size()) {
      throw new InvalidParameterException("invalid image archive: blob " + layer.name() + " has size " + size
          + ", descriptor says " + layer.size());
    }
  }
}
