package io.jdocker.cli.archive;

import io.jdocker.cli.json.JsonReader;
import io.jdocker.cli.model.JsonFields;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The daemon's {@code X-Docker-Container-Path-Stat} header: base64 JSON of a container path's
 * stat, {@code mode} being a Go {@code os.FileMode} (type bits high, permissions low).
 */
public record PathStat(String name, long size, long mode, String linkTarget) {
  private static final long DIR = 1L << 31;
  private static final long SYMLINK = 1L << 27;
  private static final long DEVICE = 1L << 26;
  private static final long IRREGULAR = 1L << 19;

  /** Null when the header is absent or unreadable. */
  public static PathStat decode(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      String json = new String(Base64.getDecoder().decode(header.strip()), StandardCharsets.UTF_8);
      Map<String, Object> m = JsonFields.object(JsonReader.parse(json));
      return new PathStat(JsonFields.string(m, "name"), JsonFields.number(m, "size", 0), JsonFields.number(m, "mode", 0),
          JsonFields.string(m, "linkTarget"));
    } catch (RuntimeException e) {
      return null;
    }
  }

  public boolean isDirectory() {
    return (mode & DIR) != 0;
  }

  public boolean isSymlink() {
    return (mode & SYMLINK) != 0;
  }

  /** docker's ValidateOutputPathFileMode: the reason a destination of this type is refused, or null. */
  public String unusableReason() {
    if ((mode & DEVICE) != 0) {
      return "got a device";
    }
    if ((mode & IRREGULAR) != 0) {
      return "got an irregular file";
    }
    return null;
  }
}
