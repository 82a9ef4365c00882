package io.jdocker.cli.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes a ustar archive, with PAX records for names, link names or sizes ustar cannot hold. */
public final class TarOutput implements AutoCloseable {
  private static final int BLOCK = 512;
  private final OutputStream out;

  public TarOutput(OutputStream out) {
    this.out = out;
  }

  /** Writes {@code entry} and, for a regular file, exactly {@code entry.size()} bytes of {@code content}. */
  public void write(TarEntry entry, InputStream content) throws IOException {
    StringBuilder pax = new StringBuilder();
    byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
    byte[] link = entry.linkName() == null ? new byte[0] : entry.linkName().getBytes(StandardCharsets.UTF_8);
    if (name.length > 100) {
      pax.append(paxRecord("path", entry.name()));
    }
    if (link.length > 100) {
      pax.append(paxRecord("linkpath", entry.linkName()));
    }
    if (entry.size() > 077777777777L) {
      pax.append(paxRecord("size", Long.toString(entry.size())));
    }
    if (!pax.isEmpty()) {
      byte[] records = pax.toString().getBytes(StandardCharsets.UTF_8);
      String paxName = "PaxHeaders.0/" + truncate(entry.name(), 80);
      out.write(header(new TarEntry(paxName, 0644, 0, 0, records.length, entry.mtimeSeconds(), 'x', "")));
      out.write(records);
      pad(records.length);
    }
    out.write(header(entry));
    if (entry.type() == TarEntry.FILE && entry.size() > 0) {
      long copied = content.transferTo(new BoundedOutput(out, entry.size()));
      if (copied != entry.size()) {
        throw new IOException("archive/tar: write too short: " + entry.name() + " changed while being copied");
      }
      pad(entry.size());
    }
  }

  private static String paxRecord(String key, String value) {
    String body = " " + key + "=" + value + "\n";
    int bodyLength = body.getBytes(StandardCharsets.UTF_8).length;
    int length = bodyLength + Integer.toString(bodyLength).length();
    if (Integer.toString(length).length() != Integer.toString(bodyLength).length()) {
      length++;
    }
    return length + body;
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  private byte[] header(TarEntry e) {
    byte[] h = new byte[BLOCK];
    put(h, 0, 100, e.name());
    octal(h, 100, 8, e.mode() & 07777);
    octal(h, 108, 8, e.uid());
    octal(h, 116, 8, e.gid());
    octal(h, 124, 12, e.size() > 077777777777L ? 0 : (e.type() == TarEntry.FILE || e.type() == 'x' ? e.size() : 0));
    octal(h, 136, 12, e.mtimeSeconds());
    h[156] = (byte) e.type();
    put(h, 157, 100, e.linkName() == null ? "" : e.linkName());
    put(h, 257, 6, "ustar");
    h[262] = 0;
    h[263] = '0';
    h[264] = '0';
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    octal(h, 148, 7, sum);
    h[155] = ' ';
    return h;
  }

  private static void put(byte[] h, int at, int length, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(bytes, 0, h, at, Math.min(length, bytes.length));
  }

  private static void octal(byte[] h, int at, int length, long value) {
    String digits = Long.toOctalString(value);
    String padded = "0".repeat(Math.max(0, length - 1 - digits.length())) + digits;
    put(h, at, length - 1, padded);
  }

  private void pad(long size) throws IOException {
    int rest = (int) (size % BLOCK);
    if (rest != 0) {
      out.write(new byte[BLOCK - rest]);
    }
  }

  /** Writes the two zero blocks that end an archive and flushes. */
  @Override
  public void close() throws IOException {
    out.write(new byte[2 * BLOCK]);
    out.flush();
  }

  /** Passes at most {@code limit} bytes through, so a file that grows while archived stays consistent. */
  private static final class BoundedOutput extends OutputStream {
    private final OutputStream out;
    private long left;

    BoundedOutput(OutputStream out, long limit) {
      this.out = out;
      this.left = limit;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      int n = (int) Math.min(len, left);
      out.write(b, off, n);
      left -= n;
    }
  }
}
