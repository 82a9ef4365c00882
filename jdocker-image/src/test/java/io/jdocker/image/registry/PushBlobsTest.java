package io.jdocker.image.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdocker.image.ref.Digest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blobs a push makes must be the same bytes every time, or a second push uploads again. */
class PushBlobsTest {
  @TempDir Path dir;

  @Test
  void gzipIsDeterministicAndHashed() throws Exception {
    Path tar = dir.resolve("layer.tar");
    Files.write(tar, TestImages.layer("gz"));
    BlobRef first = GzipSpool.compress(tar, dir.resolve("a.gz"));
    Files.setLastModifiedTime(tar, java.nio.file.attribute.FileTime.fromMillis(0));
    BlobRef second = GzipSpool.compress(tar, dir.resolve("b.gz"));

    byte[] gz = Files.readAllBytes(dir.resolve("a.gz"));
    assertEquals(first, second);
    assertEquals(Digest.of(gz), first.digest());
    assertEquals(gz.length, first.size());
    assertArrayEquals(new byte[] {0, 0, 0, 0}, java.util.Arrays.copyOfRange(gz, 4, 8), "no mtime in the header");
    assertEquals(0, gz[3], "no flags: no name, no comment");
    try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("a.gz")))) {
      assertArrayEquals(Files.readAllBytes(tar), in.readAllBytes());
    }
  }

  @Test
  void schema2ManifestIsCompactWithDistributionsFieldOrder() {
    Digest config = Digest.of("config".getBytes(StandardCharsets.UTF_8));
    Digest layer = Digest.of("layer".getBytes(StandardCharsets.UTF_8));
    byte[] manifest = Schema2ManifestWriter.write(new BlobRef(config, 6), List.of(new BlobRef(layer, 5)));
    assertEquals("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
        + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"size\":6,\"digest\":\""
        + config + "\"},\"layers\":[{\"mediaType\":\"application/vnd.docker.image.rootfs.diff.tar.gzip\",\"size\":5,"
        + "\"digest\":\"" + layer + "\"}]}", new String(manifest, StandardCharsets.UTF_8));
  }
}
