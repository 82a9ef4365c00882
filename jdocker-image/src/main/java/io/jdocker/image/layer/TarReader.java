package io.jdocker.image.layer;

import io.jdocker.errdefs.InvalidParameterException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A streaming tar reader for ustar, GNU (long names, base-256 numbers) and PAX archives, the formats
 * Docker and Go's {@code archive/tar} write. It exists instead of commons-compress because PAX
 * values must stay bytes ({@code SCHILY.xattr.security.capability} is binary and not UTF-8), and
 * because every malformation must become a clear {@link InvalidParameterException}: a bad checksum
 * (garbage, not a tar), a stream that ends inside a header or an entry's data, oversized metadata.
 *
 * <p>Call {@link #next()} for each entry, then read its content with {@link #read}; whatever is not
 * read is skipped by the next {@code next()}.
 */
public final class TarReader {
  static final int BLOCK = 512;
  /** Go's limit for PAX and GNU long-name records. */
  private static final int MAX_META_SIZE = 1 << 20;

  private final InputStream in;
  private final byte[] header = new byte[BLOCK];
  private long offset;
  private TarEntry current;
  private long remaining;
  private int padding;

  public TarReader(InputStream in) {
    this.in = new BufferedInputStream(in, 64 * 1024);
  }

  /** The next entry, or null at the end of the archive. */
  public TarEntry next() throws IOException {
    skipRest();
    Map<String, byte[]> pax = new LinkedHashMap<>();
    String longName = null;
    String longLink = null;
    while (true) {
      long headerOffset = offset;
      int n = in.readNBytes(header, 0, BLOCK);
      offset += n;
      if (n == 0) {
        return null; // a clean end without the two zero blocks: Go accepts it too
      }
      if (n < BLOCK) {
        throw invalid("archive ends inside the header at offset " + headerOffset);
      }
      if (isZeroBlock()) {
        return null;
      }
      verifyChecksum(headerOffset);
      char type = (char) (header[156] & 0xff);
      long size = number(124, 12, "size");
      switch (type) {
        case 'x' -> pax.putAll(parsePax(readMeta(size, "PAX header")));
        case 'g' -> readMeta(size, "PAX global header"); // Docker ignores global headers too
        case 'L' -> longName = cString(readMeta(size, "GNU long name"));
        case 'K' -> longLink = cString(readMeta(size, "GNU long link name"));
        default -> {
          return begin(type, size, pax, longName, longLink);
        }
      }
    }
  }

  private TarEntry begin(
      char type, long size, Map<String, byte[]> pax, String longName, String longLink)
      throws IOException {
    String name = longName != null ? longName : ustarName();
    if (pax.containsKey("path")) {
      name = utf8(pax.get("path"));
    }
    String link = longLink != null ? longLink : field(157, 100);
    if (pax.containsKey("linkpath")) {
      link = utf8(pax.get("linkpath"));
    }
    if (type == '\0') {
      type = name.endsWith("/") ? TarEntry.TYPE_DIR : TarEntry.TYPE_FILE;
    }
    if (type == 'S' || pax.keySet().stream().anyMatch(k -> k.startsWith("GNU.sparse."))) {
      throw invalid(name, "sparse files are not supported");
    }
    if (pax.containsKey("size")) {
      size = paxLong(pax.get("size"), name, "size");
    }
    if (size < 0) {
      throw invalid(name, "negative size");
    }
    Map<String, byte[]> xattrs = new LinkedHashMap<>();
    pax.forEach(
        (k, v) -> {
          if (k.startsWith("SCHILY.xattr.")) {
            xattrs.put(k.substring("SCHILY.xattr.".length()), v);
          }
        });
    long mtime = pax.containsKey("mtime")
        ? paxTime(pax.get("mtime"), name)
        : number(136, 12, "mtime") * 1_000_000_000L;
    long atime = pax.containsKey("atime") ? paxTime(pax.get("atime"), name) : -1;
    int uid = pax.containsKey("uid") ? (int) paxLong(pax.get("uid"), name, "uid") : (int) number(108, 8, "uid");
    int gid = pax.containsKey("gid") ? (int) paxLong(pax.get("gid"), name, "gid") : (int) number(116, 8, "gid");
    current =
        new TarEntry(
            name,
            type,
            link,
            (int) (number(100, 8, "mode") & 07777),
            uid,
            gid,
            TarEntry.isHeaderOnly(type) ? 0 : size,
            mtime,
            atime,
            (int) number(329, 8, "devmajor"),
            (int) number(337, 8, "devminor"),
            Map.copyOf(xattrs));
    remaining = current.size();
    padding = (int) ((BLOCK - remaining % BLOCK) % BLOCK);
    return current;
  }

  /**
   * Reads the current entry's content like {@link InputStream#read(byte[], int, int)}: -1 at its
   * end. A stream that ends early is an {@link InvalidParameterException}, never a short file.
   */
  public int read(byte[] buf, int off, int len) throws IOException {
    if (remaining == 0) {
      return -1;
    }
    int n = in.read(buf, off, (int) Math.min(len, remaining));
    if (n < 0) {
      throw invalid(current.name(), "archive ends inside the entry's data (truncated tar)");
    }
    offset += n;
    remaining -= n;
    return n;
  }

  private void skipRest() throws IOException {
    if (current == null) {
      return;
    }
    long toSkip = remaining + padding;
    byte[] scratch = new byte[(int) Math.min(toSkip, 64 * 1024)];
    while (toSkip > 0) {
      int n = in.read(scratch, 0, (int) Math.min(scratch.length, toSkip));
      if (n < 0) {
        throw invalid(current.name(), "archive ends inside the entry's data (truncated tar)");
      }
      toSkip -= n;
      offset += n;
    }
    remaining = 0;
    padding = 0;
    current = null;
  }

  /** Reads everything after the end-of-archive marker, so a digest computed on the way sees it all. */
  public void drain() throws IOException {
    skipRest();
    in.transferTo(java.io.OutputStream.nullOutputStream());
  }

  private byte[] readMeta(long size, String what) throws IOException {
    if (size < 0 || size > MAX_META_SIZE) {
      throw invalid(what + " of " + size + " bytes at offset " + offset + " is too large");
    }
    byte[] data = in.readNBytes((int) size);
    int pad = (int) ((BLOCK - size % BLOCK) % BLOCK);
    if (data.length < size || in.readNBytes(pad).length < pad) {
      throw invalid("archive ends inside a " + what + " at offset " + offset);
    }
    offset += size + pad;
    return data;
  }

  private boolean isZeroBlock() {
    for (byte b : header) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private void verifyChecksum(long headerOffset) {
    long unsigned = 0;
    long signed = 0;
    for (int i = 0; i < BLOCK; i++) {
      byte b = (i >= 148 && i < 156) ? (byte) ' ' : header[i];
      unsigned += b & 0xff;
      signed += b;
    }
    long stored;
    try {
      stored = number(148, 8, "checksum");
    } catch (InvalidParameterException e) {
      stored = -1;
    }
    if (stored != unsigned && stored != signed) {
      throw invalid("bad header checksum at offset " + headerOffset + " (not a tar archive?)");
    }
  }

  private String ustarName() {
    String name = field(0, 100);
    boolean posixUstar =
        header[257] == 'u' && header[262] == 0 && header[263] == '0' && header[264] == '0';
    if (posixUstar && header[345] != 0) {
      return field(345, 155) + "/" + name;
    }
    return name;
  }

  private String field(int start, int length) {
    int end = start;
    while (end < start + length && header[end] != 0) {
      end++;
    }
    return new String(header, start, end - start, StandardCharsets.UTF_8);
  }

  private long number(int start, int length, String what) {
    if ((header[start] & 0x80) != 0) {
      // GNU base-256: big-endian two's complement in the remaining bits.
      long value = (header[start] & 0x40) != 0 ? -1 : 0;
      value = (value << 6) | (header[start] & 0x3f);
      for (int i = start + 1; i < start + length; i++) {
        value = (value << 8) | (header[i] & 0xff);
      }
      return value;
    }
    long value = 0;
    boolean digits = false;
    for (int i = start; i < start + length; i++) {
      byte b = header[i];
      if (b == 0 || (b == ' ' && digits)) {
        break;
      }
      if (b == ' ') {
        continue;
      }
      if (b < '0' || b > '7') {
        throw invalid("bad " + what + " field in header at offset " + (offset - BLOCK));
      }
      value = (value << 3) | (b - '0');
      digits = true;
    }
    return value;
  }

  private static Map<String, byte[]> parsePax(byte[] data) {
    Map<String, byte[]> records = new LinkedHashMap<>();
    int pos = 0;
    while (pos < data.length) {
      int space = pos;
      int length = 0;
      while (space < data.length && data[space] >= '0' && data[space] <= '9') {
        length = length * 10 + (data[space] - '0');
        if (length > data.length) {
          break;
        }
        space++;
      }
      int end = pos + length;
      if (space >= data.length || data[space] != ' ' || length <= 0 || end > data.length
          || data[end - 1] != '\n') {
        throw invalid("malformed PAX record");
      }
      int eq = space + 1;
      while (eq < end - 1 && data[eq] != '=') {
        eq++;
      }
      if (eq >= end - 1) {
        throw invalid("malformed PAX record");
      }
      String key = new String(data, space + 1, eq - space - 1, StandardCharsets.UTF_8);
      byte[] value = java.util.Arrays.copyOfRange(data, eq + 1, end - 1);
      records.put(key, value);
      pos = end;
    }
    return records;
  }

  private static long paxLong(byte[] value, String name, String key) {
    try {
      return Long.parseLong(utf8(value).trim());
    } catch (NumberFormatException e) {
      throw invalid(name, "bad PAX " + key + " \"" + utf8(value) + "\"");
    }
  }

  /** PAX times are decimal seconds with an optional fraction, e.g. {@code 1700000000.123456789}. */
  static long paxTime(byte[] value, String name) {
    String text = utf8(value).trim();
    try {
      boolean negative = text.startsWith("-");
      String digits = negative ? text.substring(1) : text;
      int dot = digits.indexOf('.');
      long seconds = Long.parseLong(dot < 0 ? digits : digits.substring(0, dot));
      long nanos = 0;
      if (dot >= 0) {
        String fraction = (digits.substring(dot + 1) + "000000000").substring(0, 9);
        nanos = Long.parseLong(fraction);
      }
      long total = seconds * 1_000_000_000L + nanos;
      return negative ? -total : total;
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      throw invalid(name, "bad PAX time \"" + text + "\"");
    }
  }

  private static String cString(byte[] data) {
    int end = data.length;
    while (end > 0 && data[end - 1] == 0) {
      end--;
    }
    return new String(data, 0, end, StandardCharsets.UTF_8);
  }

  private static String utf8(byte[] value) {
    return new String(value, StandardCharsets.UTF_8);
  }

  static InvalidParameterException invalid(String entry, String problem) {
    return new InvalidParameterException(
        "invalid tar entry \"" + entry.replace("\0", "\\x00") + "\": " + problem);
  }

  static InvalidParameterException invalid(String problem) {
    return new InvalidParameterException("invalid tar archive: " + problem);
  }
}
