package io.jdocker.image.registry;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/** A blob's content being downloaded; {@code size} is -1 when the registry did not say. */
public record BlobStream(InputStream in, long size) implements Closeable {
  @Override
  public void close() throws IOException {
    in.close();
  }
}
