package io.jdocker.image.registry;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/** Counts the bytes read through it and tells {@code onCount} the running total after each read. */
final class ProgressReader extends FilterInputStream {
  private final LongConsumer onCount;
  private long count;

  ProgressReader(InputStream in, LongConsumer onCount) {
    super(in);
    this.onCount = onCount;
  }

  long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      advance(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n > 0) {
      advance(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    if (skipped > 0) {
      advance(skipped);
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    // A reset would count the same bytes twice.
    return false;
  }

  private void advance(long n) {
    count += n;
    onCount.accept(count);
  }
}
