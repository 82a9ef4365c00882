package io.jdocker.image.archive;

import static io.jdocker.image.store.StoreFixture.count;
import static io.jdocker.image.store.StoreFixture.importImage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.image.oci.Json;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.ref.ImageReference;
import io.jdocker.image.store.ImageStore;
import io.jdocker.image.store.StoreFixture;
import io.jdocker.image.store.StoredImage;
import io.jdocker.image.testing.Tars;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveTest {
  @TempDir Path source;
  @TempDir Path target;

  private static final String CONFIG_TEMPLATE = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"created\":\"2024-01-02T03:04:05Z\","
      + "\"config\":{\"Cmd\":[\"sh\"],\"Healthcheck\":{\"Test\":[\"NONE\"]}},\"container_config\":{\"Cmd\":[\"x\"]},"
      + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[%s]},\"history\":[{\"created_by\":\"ADD file\"},"
      + "{\"created_by\":\"CMD [\\\"sh\\\"]\",\"empty_layer\":true}]}";

  private static String config(byte[]... layers) {
    List<String> ids = new ArrayList<>();
    for (byte[] l : layers) {
      ids.add("\"" + Digest.of(l) + "\"");
    }
    return String.format(CONFIG_TEMPLATE, String.join(",", ids));
  }

  private static List<ImageLoader.Loaded> load(ImageStore store, byte[] archive) throws Exception {
    return new ImageLoader(store).load(new ByteArrayInputStream(archive));
  }

  @Test
  void saveThenLoadGivesTheSameImage() throws Exception {
    ImageStore from = StoreFixture.open(source);
    StoredImage image = importImage(from, "rt", "busybox:latest");
    ImageSaver saver = new ImageSaver(from);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    saver.write(saver.select(List.of("busybox")), out);
    List<String> names = entryNames(out.toByteArray());
    assertTrue(names.containsAll(List.of("oci-layout", "index.json", "manifest.json", "repositories",
        "blobs/sha256/" + image.id().hex(), "blobs/sha256/" + image.diffIds().getFirst().hex())), names.toString());

    ImageStore to = StoreFixture.open(target);
    List<ImageLoader.Loaded> loaded = load(to, out.toByteArray());
    assertEquals(1, loaded.size());
    assertEquals(image.id(), loaded.getFirst().id());
    assertEquals(List.of(ImageReference.parse("busybox:latest")), loaded.getFirst().tags());
    assertEquals(image.id(), to.lookup(ImageReference.parse("busybox:latest")).orElseThrow());
    assertEquals("#!fake shell rt",
        Files.readString(to.layerDiff(image.chainIds().getFirst()).resolve("bin/sh")));
    assertEquals(0, count(to.layout().tmpDir()));
  }

  @Test
  void loadsHandMadeDockerArchiveWithLegacyPaths() throws Exception {
    byte[] base = Tars.rootfs("base");
    byte[] top = Tars.create().file("hello.txt", "hi").bytes();
    String config = config(base, top);
    String configName = Digest.of(config.getBytes(StandardCharsets.UTF_8)).hex() + ".json";
    String manifest = "[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"hand:made\"],"
        + "\"Layers\":[\"l1/layer.tar\",\"l2/layer.tar\"]}]";
    byte[] archive = Tars.create().file("l1/layer.tar", Tars.gzip(base)).file("l2/VERSION", "1.0")
        .file("l2/layer.tar", top).file(configName, config).file("manifest.json", manifest)
        .file("repositories", "{}").bytes();
    ImageStore store = StoreFixture.open(target);
    ImageLoader.Loaded loaded = load(store, archive).getFirst();
    assertEquals(Digest.of(config.getBytes(StandardCharsets.UTF_8)), loaded.id());
    StoredImage image = store.image(loaded.id()).orElseThrow();
    assertEquals(2, image.layers().size());
    assertEquals(List.of(Digest.of(base), Digest.of(top)), image.diffIds());
    assertTrue(image.config().extra().containsKey("container_config"), "unknown fields are kept");
    assertTrue(image.config().config().extra().containsKey("Healthcheck"));
    assertEquals("hi", Files.readString(store.layerDiff(image.chainIds().get(1)).resolve("hello.txt")));
  }

  @Test
  void loadsOciLayoutWithNestedIndexAndGzipLayers() throws Exception {
    byte[] layer = Tars.rootfs("oci");
    byte[] gz = Tars.gzip(layer);
    byte[] config = config(layer).getBytes(StandardCharsets.UTF_8);
    byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
        + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + Digest.of(config)
        + "\",\"size\":" + config.length + "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\","
        + "\"digest\":\"" + Digest.of(gz) + "\",\"size\":" + gz.length + "}]}").getBytes(StandardCharsets.UTF_8);
    byte[] armManifest = "{\"schemaVersion\":2}".getBytes(StandardCharsets.UTF_8);
    byte[] nested = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":["
        + desc("application/vnd.oci.image.manifest.v1+json", armManifest, "\"platform\":{\"architecture\":\"arm64\",\"os\":\"linux\"}")
        + "," + desc("application/vnd.oci.image.manifest.v1+json", manifest, "\"platform\":{\"architecture\":\"amd64\",\"os\":\"linux\"}")
        + "]}").getBytes(StandardCharsets.UTF_8);
    String index = "{\"schemaVersion\":2,\"manifests\":[" + desc("application/vnd.oci.image.index.v1+json", nested,
        "\"annotations\":{\"io.containerd.image.name\":\"docker.io/library/oci:v2\",\"org.opencontainers.image.ref.name\":\"v2\"}") + "]}";
    byte[] archive = Tars.create().file("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}").file("index.json", index)
        .file(blob(gz), gz).file(blob(config), config).file(blob(manifest), manifest).file(blob(nested), nested)
        .file(blob(armManifest), armManifest).bytes();
    ImageStore store = StoreFixture.open(target);
    ImageLoader.Loaded loaded = load(store, archive).getFirst();
    assertEquals(Digest.of(config), loaded.id());
    assertEquals(List.of(ImageReference.parse("oci:v2")), loaded.tags());
  }

  private static String desc(String mediaType, byte[] content, String extra) {
    return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + Digest.of(content) + "\",\"size\":" + content.length
        + "," + extra + "}";
  }

  private static String blob(byte[] content) {
    return "blobs/sha256/" + Digest.of(content).hex();
  }

  @Test
  void tagMovedByLoadLeavesTheOldImageDangling() throws Exception {
    ImageStore store = StoreFixture.open(target);
    StoredImage old = importImage(store, "old", "busybox:latest");
    ImageStore other = StoreFixture.open(source);
    importImage(other, "new", "busybox:latest");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageSaver saver = new ImageSaver(other);
    saver.write(saver.select(List.of("busybox:latest")), out);
    ImageLoader.Loaded loaded = load(store, out.toByteArray()).getFirst();
    assertEquals(Map.of(ImageReference.parse("busybox:latest"), old.id()), loaded.movedFrom());
    assertTrue(store.references(old.id()).isEmpty());
    assertTrue(store.image(old.id()).isPresent());
  }

  @Test
  void refusesBadArchivesLeavingNothing() throws Exception {
    byte[] layer = Tars.rootfs("bad");
    String config = config(layer);
    String cfgName = Digest.of(config.getBytes(StandardCharsets.UTF_8)).hex() + ".json";
    String okManifest = "[{\"Config\":\"" + cfgName + "\",\"RepoTags\":[\"bad:1\"],\"Layers\":[\"l/layer.tar\"]}]";
    byte[] hostileLayer = Tars.create().file("ok", "1").symlink("link", "../../../../etc").file("link/pwned", "x").bytes();
    String hostileConfig = config(hostileLayer);
    String hostileName = Digest.of(hostileConfig.getBytes(StandardCharsets.UTF_8)).hex() + ".json";
    Map<String, byte[]> cases = Map.of(
        "diffID", Tars.create().file(cfgName, config).file("l/layer.tar", Tars.rootfs("other"))
            .file("manifest.json", okManifest).bytes(),
        "is not in the archive", Tars.create().file(cfgName, config).file("manifest.json", okManifest).bytes(),
        "outside the archive", Tars.create().file(cfgName, config).file("manifest.json",
            okManifest.replace("l/layer.tar", "../../etc/passwd")).bytes(),
        "points outside", Tars.create().file(cfgName, config).symlink("l", "/etc").file("manifest.json", okManifest).bytes(),
        "pwned", Tars.create().file(hostileName, hostileConfig).file("l/layer.tar", hostileLayer)
            .file("manifest.json", okManifest.replace(cfgName, hostileName)).bytes(),
        "../evil", Tars.create().file("../evil", "x").bytes(),
        "neither manifest.json nor index.json", Tars.create().file("x", "y").bytes(),
        "invalid image archive", "this is not a tar at all".repeat(40).getBytes(StandardCharsets.UTF_8),
        "does not match its digest", ociWithWrongLayerDigest(layer));
    ImageStore store = StoreFixture.open(target);
    StoredImage existing = importImage(store, "keep", "keep:1");
    for (Map.Entry<String, byte[]> c : cases.entrySet()) {
      InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> load(store, c.getValue()),
          c.getKey());
      assertTrue(e.getMessage().contains(c.getKey()), c.getKey() + " → " + e.getMessage());
      assertEquals(1, store.count(), c.getKey());
      assertEquals(0, count(store.layout().tmpDir()), c.getKey());
      assertEquals(1, count(store.layout().layersDir()), c.getKey());
      assertEquals(2, count(store.layout().blobsDir()), c.getKey());
      assertEquals(List.of(ImageReference.parse("keep:1")), store.references(existing.id()));
    }
    assertTrue(Files.notExists(Path.of("/etc/pwned")));
  }

  private static byte[] ociWithWrongLayerDigest(byte[] layer) {
    byte[] config = config(layer).getBytes(StandardCharsets.UTF_8);
    byte[] wrong = Tars.rootfs("tampered");
    byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
        + "\"config\":" + desc("application/vnd.oci.image.config.v1+json", config, "\"x\":0")
        + ",\"layers\":[" + desc("application/vnd.oci.image.layer.v1.tar", layer, "\"x\":0") + "]}")
        .getBytes(StandardCharsets.UTF_8);
    String index = "{\"schemaVersion\":2,\"manifests\":[" + desc("application/vnd.oci.image.manifest.v1+json", manifest, "\"x\":0") + "]}";
    return Tars.create().file("index.json", index).file(blob(config), config).file(blob(manifest), manifest)
        .file(blob(layer), wrong).bytes();
  }

  private static List<String> entryNames(byte[] tar) throws Exception {
    List<String> names = new ArrayList<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      TarArchiveEntry e;
      while ((e = in.getNextEntry()) != null) {
        names.add(e.getName());
      }
    }
    return names;
  }

  @Test
  void legacyManifestPointsIntoBlobs() throws Exception {
    ImageStore from = StoreFixture.open(source);
    StoredImage image = importImage(from, "m", "x:1");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageSaver saver = new ImageSaver(from);
    saver.write(saver.select(List.of(image.id().hex().substring(0, 12))), out);
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()))) {
      TarArchiveEntry e;
      while ((e = in.getNextEntry()) != null) {
        if (e.getName().equals("manifest.json")) {
          var node = Json.MAPPER.readTree(in.readAllBytes());
          assertEquals("blobs/sha256/" + image.id().hex(), node.get(0).get("Config").asText());
          assertTrue(node.get(0).get("RepoTags").isNull(), "saved by ID: no tags");
        }
      }
    }
  }
}
