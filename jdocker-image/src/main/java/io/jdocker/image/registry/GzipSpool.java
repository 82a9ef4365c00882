package io.jdocker.image.registry;

import io.jdocker.image.ref.Digest;
import io.jdocker.image.store.AtomicFiles;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Compresses a stored layer tar into a temp file for upload, hashing the compressed bytes. The
 * output is a pure function of the input: java.util.zip writes no name and a zero mtime in the
 * gzip header, and the level is fixed, so pushing the same layer again gives the same blob digest
 * and the registry answers "Layer already exists".
 */
final class GzipSpool {
  private static final int BUFFER = 64 * 1024;
  static final int LEVEL = Deflater.DEFAULT_COMPRESSION;

  private GzipSpool() {}

  static BlobRef compress(Path tar, Path target) throws IOException {
    MessageDigest sha = Digest.sha256();
    try {
      CountingOutputStream counted;
      try (InputStream in = Files.newInputStream(tar);
          OutputStream file = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          CountingOutputStream c = new CountingOutputStream(new DigestOutputStream(file, sha));
          GZIPOutputStream gz = new FixedLevelGzip(c)) {
        counted = c;
        in.transferTo(gz);
        gz.finish();
      }
      return new BlobRef(Digest.ofRawDigest(sha.digest()), counted.count);
    } catch (IOException | RuntimeException e) {
      AtomicFiles.deleteQuietly(target);
      throw e;
    }
  }

  private static final class FixedLevelGzip extends GZIPOutputStream {
    FixedLevelGzip(OutputStream out) throws IOException {
      super(out, BUFFER);
      def.setLevel(LEVEL);
    }
  }

  private static final class CountingOutputStream extends FilterOutputStream {
    private long count;

    CountingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
