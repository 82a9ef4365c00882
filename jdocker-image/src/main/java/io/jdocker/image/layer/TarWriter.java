package io.jdocker.image.layer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes ustar headers the way Go's {@code archive/tar} does for Docker, adding a PAX header when
 * a value does not fit: a long or non-ASCII name or link, large ids or size, xattrs (kept as raw
 * bytes in {@code SCHILY.xattr.*}). Does not close the underlying stream.
 */
public final class TarWriter {
  private static final int BLOCK = TarReader.BLOCK;
  private static final long MAX_OCTAL_8 = 07777777L;
  private static final long MAX_OCTAL_12 = 077777777777L;

  private final OutputStream out;
  private final byte[] header = new byte[BLOCK];
  private long remaining;

  public TarWriter(OutputStream out) {
    this.out = out;
  }

  /** Writes the header of {@code entry}; then exactly {@code entry.size()} bytes of content. */
  public void begin(TarEntry entry) throws IOException {
    if (remaining != 0) {
      throw new IllegalStateException("previous entry is missing " + remaining + " bytes");
    }
    String name = entry.isDirectory() && !entry.name().endsWith("/") ? entry.name() + "/" : entry.name();
    Map<String, byte[]> pax = new LinkedHashMap<>();
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    byte[] linkBytes = entry.linkName().getBytes(StandardCharsets.UTF_8);
    int split = ustarSplit(nameBytes);
    if (split < 0 || !isAscii(nameBytes)) {
      pax.put("path", nameBytes);
    }
    if (linkBytes.length > 100 || !isAscii(linkBytes)) {
      pax.put("linkpath", linkBytes);
    }
    long seconds = Math.floorDiv(entry.mtimeNanos(), 1_000_000_000L);
    if (seconds < 0 || seconds > MAX_OCTAL_12) {
      pax.put("mtime", ascii(Long.toString(seconds)));
    }
    putIfLarge(pax, "uid", Integer.toUnsignedLong(entry.uid()), MAX_OCTAL_8);
    putIfLarge(pax, "gid", Integer.toUnsignedLong(entry.gid()), MAX_OCTAL_8);
    putIfLarge(pax, "size", entry.size(), MAX_OCTAL_12);
    entry.xattrs().forEach((k, v) -> pax.put("SCHILY.xattr." + k, v));
    if (!pax.isEmpty()) {
      byte[] records = paxRecords(pax);
      String base = name.replaceAll("/+$", "");
      base = base.substring(base.lastIndexOf('/') + 1);
      String dir = name.substring(0, Math.max(0, name.replaceAll("/+$", "").lastIndexOf('/') + 1));
      writeHeader(
          truncate((dir + "PaxHeaders.0/" + base).getBytes(StandardCharsets.UTF_8), 100),
          new byte[0], 'x', 0, 0, 0, records.length, seconds, 0, 0);
      out.write(records);
      pad(records.length);
    }
    byte[] prefix = split > 0 ? Arrays.copyOfRange(nameBytes, 0, split) : new byte[0];
    byte[] shortName = split > 0 ? Arrays.copyOfRange(nameBytes, split + 1, nameBytes.length) : nameBytes;
    writeHeader(
        pax.containsKey("path") ? truncate(nameBytes, 100) : shortName,
        prefix,
        entry.type(),
        entry.mode(),
        Math.min(Integer.toUnsignedLong(entry.uid()), MAX_OCTAL_8),
        Math.min(Integer.toUnsignedLong(entry.gid()), MAX_OCTAL_8),
        Math.min(entry.size(), MAX_OCTAL_12),
        Math.clamp(seconds, 0, MAX_OCTAL_12),
        entry.devMajor(),
        entry.devMinor(),
        truncate(linkBytes, 100));
    remaining = entry.size();
  }

  private void writeHeader(byte[] name, byte[] prefix, char type, int mode, long uid, long gid,
      long size, long mtime, int major, int minor) throws IOException {
    writeHeader(name, prefix, type, mode, uid, gid, size, mtime, major, minor, new byte[0]);
  }

  private void writeHeader(byte[] name, byte[] prefix, char type, int mode, long uid, long gid,
      long size, long mtime, int major, int minor, byte[] link) throws IOException {
    Arrays.fill(header, (byte) 0);
    System.arraycopy(name, 0, header, 0, name.length);
    octal(100, 8, mode & 07777);
    octal(108, 8, uid);
    octal(116, 8, gid);
    octal(124, 12, size);
    octal(136, 12, mtime);
    header[156] = (byte) type;
    System.arraycopy(link, 0, header, 157, link.length);
    System.arraycopy(ascii("ustar\0"), 0, header, 257, 6);
    header[263] = '0';
    header[264] = '0';
    if (type == TarEntry.TYPE_CHAR || type == TarEntry.TYPE_BLOCK) {
      octal(329, 8, major);
      octal(337, 8, minor);
    }
    System.arraycopy(prefix, 0, header, 345, prefix.length);
    Arrays.fill(header, 148, 156, (byte) ' ');
    long sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    octal(148, 7, sum); // six digits, NUL, and the space already there: as Go writes it
    out.write(header);
  }

  public void write(byte[] buf, int off, int len) throws IOException {
    if (len > remaining) {
      throw new IllegalStateException("entry content longer than its header says");
    }
    out.write(buf, off, len);
    remaining -= len;
  }

  /** Pads the finished entry's content to a whole block. */
  public void end(TarEntry entry) throws IOException {
    if (remaining != 0) {
      throw new IOException("\"" + entry.name() + "\" changed while packing: " + remaining + " bytes short");
    }
    pad(entry.size());
  }

  /** The end-of-archive marker; flushes but leaves the stream open. */
  public void finish() throws IOException {
    out.write(new byte[2 * BLOCK]);
    out.flush();
  }

  private void pad(long size) throws IOException {
    int pad = (int) ((BLOCK - size % BLOCK) % BLOCK);
    out.write(new byte[pad]);
  }

  private void octal(int start, int length, long value) {
    String digits = Long.toOctalString(value);
    int width = length - 1;
    String padded = "0".repeat(Math.max(0, width - digits.length())) + digits;
    byte[] bytes = ascii(padded);
    System.arraycopy(bytes, 0, header, start, width);
    header[start + width] = 0;
  }

  /** Where to split a long name into ustar prefix and name, 0 when it fits, -1 when it cannot. */
  private static int ustarSplit(byte[] name) {
    if (name.length <= 100) {
      return 0;
    }
    for (int i = Math.min(name.length - 1, 155); i > 0; i--) {
      if (name[i] == '/' && name.length - i - 1 <= 100 && name.length - i - 1 > 0) {
        return i;
      }
    }
    return -1;
  }

  private static void putIfLarge(Map<String, byte[]> pax, String key, long value, long max) {
    if (value > max) {
      pax.put(key, ascii(Long.toString(value)));
    }
  }

  static byte[] paxRecords(Map<String, byte[]> records) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    for (Map.Entry<String, byte[]> record : records.entrySet()) {
      byte[] key = record.getKey().getBytes(StandardCharsets.UTF_8);
      int body = 1 + key.length + 1 + record.getValue().length + 1; // " key=value\n"
      int length = body + Integer.toString(body).length();
      if (Integer.toString(length).length() != Integer.toString(body).length()) {
        length = body + Integer.toString(length).length();
      }
      buf.write(ascii(Integer.toString(length)));
      buf.write(' ');
      buf.write(key);
      buf.write('=');
      buf.write(record.getValue());
      buf.write('\n');
    }
    return buf.toByteArray();
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  private static byte[] truncate(byte[] bytes, int max) {
    return bytes.length <= max ? bytes : Arrays.copyOf(bytes, max);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
