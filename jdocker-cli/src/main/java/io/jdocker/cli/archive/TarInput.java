package io.jdocker.cli.archive;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Reads ustar, PAX and GNU long-name archives entry by entry; {@link #content()} is the current entry's data. */
public final class TarInput {
  private static final int BLOCK = 512;
  private final InputStream in;
  private long remaining;
  private long padding;

  public TarInput(InputStream in) {
    this.in = in;
  }

  /** The next entry, or null at the end of the archive. */
  public TarEntry next() throws IOException {
    skip(remaining + padding);
    remaining = padding = 0;
    Map<String, String> pax = new HashMap<>();
    String longName = null;
    String longLink = null;
    while (true) {
      byte[] h = in.readNBytes(BLOCK);
      if (h.length == 0 || isZero(h)) {
        return null;
      }
      if (h.length < BLOCK) {
        throw new EOFException("unexpected EOF in a tar header");
      }
      char type = h[156] == 0 ? TarEntry.FILE : (char) h[156];
      long size = number(h, 124, 12);
      if (type == 'x' || type == 'L' || type == 'K' || type == 'g') {
        byte[] data = in.readNBytes((int) size);
        skip(paddingOf(size));
        if (type == 'x') {
          pax.putAll(paxRecords(new String(data, StandardCharsets.UTF_8)));
        } else if (type == 'L') {
          longName = cString(data, 0, data.length);
        } else if (type == 'K') {
          longLink = cString(data, 0, data.length);
        }
        continue;
      }
      String name = cString(h, 0, 100);
      String prefix = cString(h, 345, 155);
      if (!prefix.isEmpty() && "ustar".equals(cString(h, 257, 6).strip())) {
        name = prefix + "/" + name;
      }
      name = pax.getOrDefault("path", longName != null ? longName : name);
      String link = pax.getOrDefault("linkpath", longLink != null ? longLink : cString(h, 157, 100));
      if (pax.containsKey("size")) {
        size = Long.parseLong(pax.get("size"));
      }
      long mtime = pax.containsKey("mtime") ? (long) Double.parseDouble(pax.get("mtime")) : number(h, 136, 12);
      TarEntry entry = new TarEntry(name, (int) number(h, 100, 8), number(h, 108, 8), number(h, 116, 8),
          size, mtime, type == '7' ? TarEntry.FILE : type, link);
      remaining = type == TarEntry.FILE || type == '7' ? size : 0;
      padding = paddingOf(remaining);
      return entry;
    }
  }

  /** The current entry's data (empty for anything but a regular file). */
  public InputStream content() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (remaining == 0) {
          return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
          throw new EOFException("unexpected EOF in a tar entry");
        }
        remaining -= n;
        return n;
      }
    };
  }

  private static long paddingOf(long size) {
    return (BLOCK - size % BLOCK) % BLOCK;
  }

  private void skip(long n) throws IOException {
    while (n > 0) {
      long skipped = in.skip(n);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new EOFException("unexpected EOF in a tar archive");
        }
        skipped = 1;
      }
      n -= skipped;
    }
  }

  private static boolean isZero(byte[] h) {
    for (byte b : h) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static String cString(byte[] b, int at, int length) {
    int end = at;
    while (end < at + length && end < b.length && b[end] != 0) {
      end++;
    }
    return new String(b, at, end - at, StandardCharsets.UTF_8);
  }

  private static long number(byte[] h, int at, int length) {
    if ((h[at] & 0x80) != 0) {
      long v = h[at] & 0x7f;
      for (int i = at + 1; i < at + length; i++) {
        v = (v << 8) | (h[i] & 0xff);
      }
      return v;
    }
    String s = cString(h, at, length).strip();
    return s.isEmpty() ? 0 : Long.parseLong(s, 8);
  }

  private static Map<String, String> paxRecords(String text) {
    Map<String, String> records = new HashMap<>();
    int i = 0;
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    while (i < bytes.length) {
      int space = i;
      while (space < bytes.length && bytes[space] != ' ') {
        space++;
      }
      if (space >= bytes.length) {
        break;
      }
      int length = Integer.parseInt(new String(bytes, i, space - i, StandardCharsets.US_ASCII));
      String record = new String(bytes, space + 1, i + length - space - 2, StandardCharsets.UTF_8);
      int eq = record.indexOf('=');
      if (eq > 0) {
        records.put(record.substring(0, eq), record.substring(eq + 1));
      }
      i += length;
    }
    return records;
  }
}
