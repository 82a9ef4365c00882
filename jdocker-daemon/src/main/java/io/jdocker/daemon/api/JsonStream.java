package io.jdocker.daemon.api;

import java.io.Closeable;
import java.io.IOException;

/** Progress-style streaming: one JSON object per chunk, flushed as it is written. */
public interface JsonStream extends Closeable {
  void write(Object message) throws IOException;

  @Override
  void close() throws IOException;
}
