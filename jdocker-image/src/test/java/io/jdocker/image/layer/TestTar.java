package io.jdocker.image.layer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Builds test archives with commons-compress, a tar writer independent of ours. Names are kept as
 * given (commons-compress would strip a leading slash).
 */
final class TestTar {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TarArchiveOutputStream tar;

  TestTar() {
    this(TarArchiveOutputStream.LONGFILE_POSIX);
  }

  TestTar(int longFileMode) {
    tar = new TarArchiveOutputStream(bytes);
    tar.setLongFileMode(longFileMode);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    tar.setAddPaxHeadersForNonAsciiNames(true);
  }

  TestTar dir(String name) {
    return dir(name, 0755, 0, 0);
  }

  TestTar dir(String name, int mode, int uid, int gid) {
    TarArchiveEntry e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true);
    e.setMode(040000 | mode);
    e.setIds(uid, gid);
    return add(e, null);
  }

  TestTar file(String name, String content) {
    return file(name, content, e -> {});
  }

  TestTar file(String name, String content, Consumer<TarArchiveEntry> tweak) {
    return file(name, content.getBytes(StandardCharsets.UTF_8), tweak);
  }

  TestTar file(String name, byte[] content, Consumer<TarArchiveEntry> tweak) {
    TarArchiveEntry e = new TarArchiveEntry(name, true);
    e.setMode(0100644);
    e.setSize(content.length);
    tweak.accept(e);
    return add(e, content);
  }

  TestTar symlink(String name, String target) {
    return link(name, target, TarArchiveEntry.LF_SYMLINK);
  }

  TestTar hardlink(String name, String target) {
    return link(name, target, TarArchiveEntry.LF_LINK);
  }

  TestTar link(String name, String target, byte type) {
    TarArchiveEntry e = new TarArchiveEntry(name, type, true);
    e.setLinkName(target);
    return add(e, null);
  }

  TestTar special(String name, byte type, int mode, int major, int minor) {
    TarArchiveEntry e = new TarArchiveEntry(name, type, true);
    e.setMode(mode);
    e.setDevMajor(major);
    e.setDevMinor(minor);
    return add(e, null);
  }

  TestTar add(TarArchiveEntry e, byte[] content) {
    try {
      tar.putArchiveEntry(e);
      if (content != null) {
        tar.write(content);
      }
      tar.closeArchiveEntry();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return this;
  }

  byte[] bytes() {
    try {
      tar.finish();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return bytes.toByteArray();
  }

  InputStream stream() {
    return new ByteArrayInputStream(bytes());
  }
}
