package io.jdocker.daemon.archive;

import io.jdocker.image.layer.TarEntry;
import io.jdocker.image.layer.TarReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Test archives: built with commons-compress (independent of our writer), read with our reader. */
final class Tars {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);

  Tars() {
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
  }

  Tars dir(String name, int mode) {
    TarArchiveEntry e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true);
    e.setMode(040000 | mode);
    return add(e, null);
  }

  Tars file(String name, String content) {
    return file(name, content, 0644, 0, 0);
  }

  Tars file(String name, String content, int mode, int uid, int gid) {
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry e = new TarArchiveEntry(name, true);
    e.setMode(0100000 | mode);
    e.setIds(uid, gid);
    e.setSize(data.length);
    return add(e, data);
  }

  Tars symlink(String name, String target) {
    return link(name, target, TarArchiveEntry.LF_SYMLINK);
  }

  Tars hardlink(String name, String target) {
    return link(name, target, TarArchiveEntry.LF_LINK);
  }

  Tars device(String name) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_CHR, true);
    e.setMode(0666);
    e.setDevMajor(1);
    e.setDevMinor(3);
    return add(e, null);
  }

  private Tars link(String name, String target, byte type) {
    TarArchiveEntry e = new TarArchiveEntry(name, type, true);
    e.setLinkName(target);
    return add(e, null);
  }

  private Tars add(TarArchiveEntry e, byte[] content) {
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

  ByteArrayInputStream stream() {
    return new ByteArrayInputStream(bytes());
  }

  /** An entry read back, with its content as text. */
  record Member(TarEntry entry, String content) {}

  /** Every entry of {@code tar} in order, keyed by name. */
  static Map<String, Member> read(byte[] tar) throws IOException {
    TarReader reader = new TarReader(new ByteArrayInputStream(tar));
    Map<String, Member> members = new LinkedHashMap<>();
    TarEntry entry;
    while ((entry = reader.next()) != null) {
      ByteArrayOutputStream content = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int n;
      while ((n = reader.read(buf, 0, buf.length)) > 0) {
        content.write(buf, 0, n);
      }
      members.put(entry.name(), new Member(entry, content.toString(StandardCharsets.UTF_8)));
    }
    return members;
  }

  static List<String> names(byte[] tar) throws IOException {
    return new ArrayList<>(read(tar).keySet());
  }
}
