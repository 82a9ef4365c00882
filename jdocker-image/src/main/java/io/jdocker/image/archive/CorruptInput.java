package io.jdocker.image.archive;

import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.image.layer.Decompression;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Wraps input that came from a client: a read failure there (bad gzip, truncated stream) is the
 * client's fault, so it surfaces as a 400 naming {@code what}, not as a server error.
 */
public final class CorruptInput extends FilterInputStream {
  private final String what;

  private CorruptInput(InputStream in, String what) {
    super(in);
    this.what = what;
  }

  /** Detects the compression of {@code raw} and returns the decompressed stream, guarded. */
  public static InputStream decompress(InputStream raw, String what) {
    try {
      return new CorruptInput(Decompression.open(raw), what);
    } catch (IOException e) {
      throw invalid(what, e);
    }
  }

  private static InvalidParameterException invalid(String what, IOException e) {
    return new InvalidParameterException(what + ": " + e.getMessage(), e);
  }

  @Override
  public int read() throws IOException {
    try {
      return super.read();
    } catch (IOException e) {
      throw invalid(what, e);
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    try {
      return super.read(b, off, len);
    } catch (IOException e) {
      throw invalid(what, e);
    }
  }

  @Override
  public long skip(long n) throws IOException {
    try {
      return super.skip(n);
    } catch (IOException e) {
      throw invalid(what, e);
    }
  }
}
