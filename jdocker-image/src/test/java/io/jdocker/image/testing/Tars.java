package io.jdocker.image.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Builds small tars in memory for tests. */
public final class Tars {
  private static final java.util.Date FIXED_MTIME = new java.util.Date(1_700_000_000_000L);

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);

  public static Tars create() {
    return new Tars();
  }

  public Tars dir(String name) {
    TarArchiveEntry e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/");
    e.setMode(040755);
    return put(e, null);
  }

  public Tars file(String name, String content) {
    return file(name, content.getBytes(StandardCharsets.UTF_8));
  }

  public Tars file(String name, byte[] content) {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setMode(0100644);
    e.setSize(content.length);
    return put(e, content);
  }

  public Tars symlink(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
    e.setLinkName(target);
    return put(e, null);
  }

  private Tars put(TarArchiveEntry e, byte[] content) {
    // A fixed mtime: the same entries must make the same tar (and layer) whenever they are built.
    e.setModTime(FIXED_MTIME);
    try {
      tar.putArchiveEntry(e);
      if (content != null) {
        tar.write(content);
      }
      tar.closeArchiveEntry();
      return this;
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  public byte[] bytes() {
    try {
      tar.finish();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A busybox-like rootfs: a few dirs and files. */
  public static byte[] rootfs(String marker) {
    return create().dir("bin").file("bin/sh", "#!fake shell " + marker).dir("etc")
        .file("etc/passwd", "root:x:0:0:root:/root:/bin/sh\n").symlink("bin/ls", "sh").bytes();
  }
}
