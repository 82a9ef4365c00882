package io.jdocker.image.layer;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Recognises a compressed layer by its magic bytes, as Docker's {@code DetectCompression} does, and
 * decompresses it: gzip, bzip2, xz and zstd. Anything else (a plain tar) passes through untouched.
 */
public final class Decompression {
  private static final int BUFFER = 64 * 1024;
  private static final byte[] GZIP = {0x1f, (byte) 0x8b, 0x08};
  private static final byte[] BZIP2 = {'B', 'Z', 'h'};
  private static final byte[] XZ = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0x00};
  private static final byte[] ZSTD = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};

  /** The kinds recognised, for logs and media types. */
  public enum Format {
    NONE,
    GZIP,
    BZIP2,
    XZ,
    ZSTD
  }

  private Decompression() {}

  /** Decompresses {@code in} if it is compressed; closing the result closes {@code in}. */
  public static InputStream open(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, BUFFER);
    return switch (detect(buffered)) {
      case GZIP -> new GZIPInputStream(buffered, BUFFER);
      case BZIP2 -> new BZip2CompressorInputStream(buffered, true);
      case XZ -> new XZInputStream(buffered);
      case ZSTD -> new BufferedInputStream(new ZstdInputStream(buffered), BUFFER);
      case NONE -> buffered;
    };
  }

  /** Peeks at the first bytes of a stream that supports mark/reset. */
  public static Format detect(InputStream in) throws IOException {
    in.mark(XZ.length);
    byte[] head = in.readNBytes(XZ.length);
    in.reset();
    if (startsWith(head, GZIP)) {
      return Format.GZIP;
    }
    if (startsWith(head, BZIP2)) {
      return Format.BZIP2;
    }
    if (startsWith(head, XZ)) {
      return Format.XZ;
    }
    if (startsWith(head, ZSTD)) {
      return Format.ZSTD;
    }
    return Format.NONE;
  }

  private static boolean startsWith(byte[] head, byte[] magic) {
    if (head.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (head[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
