package io.jdocker.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.errdefs.NotFoundException;
import io.jdocker.image.oci.Descriptor;
import io.jdocker.image.oci.ImageConfig;
import io.jdocker.image.oci.ImageIndex;
import io.jdocker.image.oci.ImageManifest;
import io.jdocker.image.oci.Json;
import io.jdocker.image.oci.MediaTypes;
import io.jdocker.image.oci.Platform;
import io.jdocker.image.ref.Digest;
import java.io.IOException;
import java.util.List;

/**
 * Resolves a tag or digest to one verified image: fetches the manifest, descends from an index to
 * the wanted platform's manifest, fetches and checks the config. Everything a pull can refuse
 * without downloading a layer is refused here, before any progress is written.
 */
final class ManifestResolver {
  /** dockerd's limit too: a config is JSON of a few KiB, anything this large is not one. */
  static final int MAX_CONFIG_BYTES = 8 * 1024 * 1024;

  private final RegistryRepository repo;
  private final String what;

  /** {@code what} names the image in messages, e.g. {@code 127.0.0.1:5000/x:v1}. */
  ManifestResolver(RegistryRepository repo, String what) {
    this.repo = repo;
    this.what = what;
  }

  /**
   * @param wanted the platform to choose from an index
   * @param strictPlatform whether a single-platform image of another platform is an error (the
   *     caller asked for a platform) rather than accepted (the host default)
   */
  ResolvedImage resolve(String tagOrDigest, Platform wanted, boolean strictPlatform) throws IOException {
    FetchedManifest top;
    try {
      top = fetch(tagOrDigest);
    } catch (NotFoundException e) {
      // dockerd's wording, which the docker CLI prints as is
      throw new NotFoundException("manifest for " + what + " not found: " + e.getMessage(), e);
    }
    FetchedManifest image = top;
    if (kind(top) == Kind.INDEX) {
      ImageIndex index = Json.read(top.bytes(), ImageIndex.class, "manifest list of " + what);
      Descriptor chosen = ManifestSelector.select(index, wanted);
      image = fetch(parseDigest(chosen.digest(), "manifest list entry").toString());
      if (kind(image) != Kind.MANIFEST) {
        throw new InvalidParameterException("invalid manifest list of " + what + ": entry " + chosen.digest()
            + " is not an image manifest");
      }
    }
    ImageManifest manifest = Json.read(image.bytes(), ImageManifest.class, "manifest of " + what);
    if (manifest.config() == null || manifest.config().digest() == null) {
      throw new InvalidParameterException("invalid manifest of " + what + ": no config");
    }
    List<Descriptor> layers = manifest.layers() == null ? List.of() : manifest.layers();
    for (Descriptor layer : layers) {
      Digest digest = parseDigest(layer.digest(), "layer");
      LayerMediaTypes.check(layer.mediaType(), "layer " + digest + " of " + what);
    }
    Digest configDigest = parseDigest(manifest.config().digest(), "config");
    byte[] configBytes = fetchConfig(configDigest, manifest.config().size());
    ImageConfig config = ImageConfig.parse(configBytes, "image config " + configDigest);
    int diffIds = config.rootfs().digests().size();
    if (diffIds != layers.size()) {
      throw new InvalidParameterException("invalid image " + what + ": the manifest lists " + layers.size()
          + " layers but image config " + configDigest + " has " + diffIds + " rootfs.diff_ids");
    }
    if (strictPlatform && top == image) {
      checkPlatform(config, wanted);
    }
    return new ResolvedImage(top.digest(), layers, configBytes, config);
  }

  /** Fetches a manifest and pins its digest to the bytes, checking it when asked for by digest. */
  private FetchedManifest fetch(String tagOrDigest) throws IOException {
    FetchedManifest m = repo.manifest(tagOrDigest);
    Digest actual = Digest.of(m.bytes());
    if (Digest.isDigest(tagOrDigest) && !actual.toString().equals(tagOrDigest)) {
      throw new InvalidParameterException("manifest verification failed for digest " + tagOrDigest
          + ": the registry sent content with digest " + actual);
    }
    return new FetchedManifest(m.mediaType(), m.bytes(), actual);
  }

  private byte[] fetchConfig(Digest digest, long size) throws IOException {
    byte[] bytes;
    try (BlobStream blob = repo.blob(digest)) {
      bytes = blob.in().readNBytes(MAX_CONFIG_BYTES + 1);
    }
    if (bytes.length > MAX_CONFIG_BYTES) {
      throw new InvalidParameterException("image config " + digest + " of " + what + " is larger than "
          + MAX_CONFIG_BYTES + " bytes");
    }
    Digest actual = Digest.of(bytes);
    if (!actual.equals(digest)) {
      throw new InvalidParameterException("digest mismatch for image config " + digest + " of " + what
          + ": the registry sent content with digest " + actual);
    }
    if (size > 0 && bytes.length != size) {
      throw new InvalidParameterException("size mismatch for image config " + digest + ": the manifest says "
          + size + " bytes, the blob has " + bytes.length);
    }
    return bytes;
  }

  private void checkPlatform(ImageConfig config, Platform wanted) {
    if (config.os() == null || config.architecture() == null) {
      return;
    }
    Platform actual = new Platform(config.architecture(), config.os(), config.variant());
    if (!actual.matches(wanted)) {
      throw new NotFoundException("image with reference " + what + " was found but does not match the specified "
          + "platform: wanted " + ManifestSelector.format(wanted) + ", actual: " + ManifestSelector.format(actual));
    }
  }

  private Digest parseDigest(String text, String field) {
    try {
      return Digest.parse(text);
    } catch (InvalidParameterException e) {
      throw new InvalidParameterException("invalid manifest of " + what + ": " + field + " digest: " + e.getMessage(), e);
    }
  }

  enum Kind { INDEX, MANIFEST }

  /**
   * The manifest's own mediaType field decides, then the Content-Type, then its shape: registries
   * serve OCI content under either, and the field may be absent in OCI manifests.
   */
  private Kind kind(FetchedManifest m) {
    JsonNode node = Json.read(m.bytes(), JsonNode.class, "manifest of " + what);
    String declared = node.path("mediaType").asText("");
    String type = declared.isEmpty() ? nullToEmpty(m.mediaType()) : declared;
    if (MediaTypes.INDEXES.contains(type)) {
      return Kind.INDEX;
    }
    if (MediaTypes.MANIFESTS.contains(type)) {
      return Kind.MANIFEST;
    }
    if (node.path("schemaVersion").asInt() == 1 || type.startsWith("application/vnd.docker.distribution.manifest.v1")) {
      throw new InvalidParameterException("[DEPRECATION NOTICE] Docker Image Format v1 and Docker Image manifest "
          + "version 2, schema 1 support has been removed. Suggest the author of " + what + " to upgrade the image "
          + "to the OCI Format or Docker Image manifest v2, schema 2. More information at "
          + "https://docs.docker.com/go/deprecated-image-specs/");
    }
    if (node.has("manifests")) {
      return Kind.INDEX;
    }
    if (node.has("config") && node.has("layers")) {
      return Kind.MANIFEST;
    }
    throw new InvalidParameterException("unsupported manifest media type of " + what + ": "
        + (type.isEmpty() ? "none" : type));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
