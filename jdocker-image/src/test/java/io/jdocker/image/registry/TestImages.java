package io.jdocker.image.registry;

import com.github.luben.zstd.ZstdOutputStream;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.ref.ImageReference;
import io.jdocker.image.store.ImageStore;
import io.jdocker.image.store.PreparedLayer;
import io.jdocker.image.store.StoredImage;
import io.jdocker.image.testing.Tars;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Small images for registry tests: layer tars, configs, manifests in a registry, images in a store. */
final class TestImages {
  static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
  static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
  static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  static final String DOCKER_GZIP = "application/vnd.docker.image.rootfs.diff.tar.gzip";
  static final String OCI_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
  static final String OCI_TAR = "application/vnd.oci.image.layer.v1.tar";
  static final String OCI_ZSTD = "application/vnd.oci.image.layer.v1.tar+zstd";
  static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";

  private TestImages() {}

  /** A layer tar with one file named after {@code marker}. */
  static byte[] layer(String marker) {
    return Tars.create().dir(marker).file(marker + "/file", "content of " + marker).bytes();
  }

  static String config(String arch, byte[]... tars) {
    String diffIds = java.util.Arrays.stream(tars).map(t -> "\"" + Digest.of(t) + "\"").collect(Collectors.joining(","));
    return "{\"architecture\":\"" + arch + "\",\"os\":\"linux\",\"created\":\"2024-01-02T03:04:05Z\","
        + "\"config\":{\"Cmd\":[\"sh\"]},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + diffIds + "]}}";
  }

  static byte[] compress(byte[] tar, String layerMediaType) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (layerMediaType.endsWith("gzip")) {
        return Tars.gzip(tar);
      }
      if (layerMediaType.endsWith("zstd")) {
        try (ZstdOutputStream z = new ZstdOutputStream(out)) {
          z.write(tar);
        }
        return out.toByteArray();
      }
      return tar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What {@link #publish} put in the registry. */
  record Published(Digest manifestDigest, Digest imageId, List<Digest> layerDigests, String manifest) {
    String layerId(int i) {
      return layerDigests.get(i).shortId();
    }
  }

  /** An amd64 image of docker schema2 with gzip layers, under {@code tag}. */
  static Published publish(InMemoryRegistry.Repo repo, String tag, byte[]... tars) {
    return publish(repo, tag, DOCKER_MANIFEST, DOCKER_GZIP, config("amd64", tars), tars);
  }

  static Published publish(InMemoryRegistry.Repo repo, String tag, String manifestType, String layerType,
      String config, byte[]... tars) {
    byte[] configBytes = config.getBytes(StandardCharsets.UTF_8);
    Digest configDigest = repo.putBlob(configBytes);
    List<Digest> layerDigests = new ArrayList<>();
    List<String> descriptors = new ArrayList<>();
    for (byte[] tar : tars) {
      byte[] blob = compress(tar, layerType);
      Digest d = repo.putBlob(blob);
      layerDigests.add(d);
      descriptors.add(descriptor(layerType, d, blob.length));
    }
    String manifest = "{\"schemaVersion\":2,\"mediaType\":\"" + manifestType + "\",\"config\":"
        + descriptor(manifestType.equals(OCI_MANIFEST) ? "application/vnd.oci.image.config.v1+json" : DOCKER_CONFIG,
            configDigest, configBytes.length)
        + ",\"layers\":[" + String.join(",", descriptors) + "]}";
    Digest manifestDigest = repo.putManifest(tag, manifestType, manifest);
    return new Published(manifestDigest, configDigest, layerDigests, manifest);
  }

  static String descriptor(String mediaType, Digest digest, long size) {
    return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + digest + "\",\"size\":" + size + "}";
  }

  /** An index entry for a manifest of {@code platform} ("os/arch" or "os/arch/variant"). */
  static String entry(Published image, String platform) {
    String[] p = platform.split("/");
    String variant = p.length > 2 ? ",\"variant\":\"" + p[2] + "\"" : "";
    return "{\"mediaType\":\"" + DOCKER_MANIFEST + "\",\"digest\":\"" + image.manifestDigest() + "\",\"size\":"
        + image.manifest().length() + ",\"platform\":{\"architecture\":\"" + p[1] + "\",\"os\":\"" + p[0] + "\""
        + variant + "}}";
  }

  /** Commits an image of {@code tars} (bottom first) to {@code store}, tagged {@code tag}. */
  static StoredImage commit(ImageStore store, String tag, byte[]... tars) throws IOException {
    List<PreparedLayer> prepared = new ArrayList<>();
    Digest parent = null;
    for (byte[] tar : tars) {
      PreparedLayer p = store.prepareLayer(new ByteArrayInputStream(tar), parent, null, "test layer");
      prepared.add(p);
      parent = p.chainId();
    }
    return store.commit(config("amd64", tars).getBytes(StandardCharsets.UTF_8), prepared, null,
        List.of(ImageReference.parse(tag)), true).image();
  }
}
