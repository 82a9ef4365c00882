package io.jdocker.it.images;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds small tars byte by byte, including the hostile ones no honest tool would write. */
final class ArchiveBuilder {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TarArchiveOutputStream tar;

  ArchiveBuilder() {
    tar = new TarArchiveOutputStream(bytes);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
  }

  ArchiveBuilder file(String name, byte[] content) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name, true);
    entry.setSize(content.length);
    entry.setMode(0644);
    tar.putArchiveEntry(entry);
    tar.write(content);
    tar.closeArchiveEntry();
    return this;
  }

  ArchiveBuilder file(String name, String content) throws IOException {
    return file(name, content.getBytes(StandardCharsets.UTF_8));
  }

  ArchiveBuilder dir(String name) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true);
    entry.setMode(0755);
    tar.putArchiveEntry(entry);
    tar.closeArchiveEntry();
    return this;
  }

  ArchiveBuilder symlink(String name, String target) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
    entry.setLinkName(target);
    tar.putArchiveEntry(entry);
    tar.closeArchiveEntry();
    return this;
  }

  byte[] build() throws IOException {
    tar.finish();
    tar.close();
    return bytes.toByteArray();
  }

  static String sha256(byte[] data) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** A docker-archive (docker save format) holding one image with one layer. */
  static byte[] dockerArchive(String repoTag, byte[] layer, String diffId, String layerPath)
      throws IOException {
    String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"sh\"]},"
        + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + diffId + "\"]},"
        + "\"history\":[{\"created\":\"2024-01-01T00:00:00Z\"}]}";
    String configName = sha256(config.getBytes(StandardCharsets.UTF_8)).substring(7) + ".json";
    String manifest = "[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"" + repoTag
        + "\"],\"Layers\":[\"" + layerPath + "\"]}]";
    ArchiveBuilder archive = new ArchiveBuilder().file("manifest.json", manifest)
        .file(configName, config);
    if (!layerPath.contains("..")) {
      archive.file(layerPath, layer);
    }
    return archive.build();
  }

  static void write(Path file, byte[] data) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(data);
    }
  }
}
