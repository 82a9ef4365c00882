package io.jdocker.daemon.archive;

import io.jdocker.image.oci.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Docker's {@code ContainerPathStat}, sent base64-encoded in {@code X-Docker-Container-Path-Stat}
 * by {@code HEAD} and {@code GET /containers/{id}/archive}.
 *
 * @param name the last element of the requested path ({@code filepath.Base})
 * @param size {@code st_size} of the path itself (a symlink's is its target's length)
 * @param mode Go {@code os.FileMode} bits ({@link GoFileMode})
 * @param mtime modification time, sent in RFC 3339 with nanoseconds
 * @param linkTarget for a symlink, the absolute container path it finally resolves to; else ""
 */
public record PathStat(String name, long size, long mode, Instant mtime, String linkTarget) {
  public static final String HEADER = "X-Docker-Container-Path-Stat";

  public boolean isDirectory() {
    return (mode & GoFileMode.DIR) != 0;
  }

  public boolean isSymlink() {
    return (mode & GoFileMode.SYMLINK) != 0;
  }

  /** The JSON as Go's {@code json.Marshal} writes it: this field order, HTML characters escaped. */
  public String toJson() {
    return "{\"name\":" + quote(name) + ",\"size\":" + size + ",\"mode\":" + mode
        + ",\"mtime\":" + quote(Timestamps.rfc3339Nano(mtime)) + ",\"linkTarget\":" + quote(linkTarget) + "}";
  }

  /** The value of {@link #HEADER}: standard base64 (with padding) of {@link #toJson()}. */
  public String headerValue() {
    return Base64.getEncoder().encodeToString(toJson().getBytes(StandardCharsets.UTF_8));
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
