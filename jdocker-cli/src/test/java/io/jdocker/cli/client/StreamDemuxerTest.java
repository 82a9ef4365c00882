package io.jdocker.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class StreamDemuxerTest {
  @Test
  void splitsFramesByTypeAcrossReadBoundaries() throws IOException {
    byte[] stream = {1, 0, 0, 0, 0, 0, 0, 4, 'o', 'u', 't', '\n', 2, 0, 0, 0, 0, 0, 0, 4, 'e', 'r', 'r', '\n', 0, 0, 0, 0, 0, 0, 0, 1, 'i'};
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    // One byte per read, as a slow socket delivers them.
    StreamDemuxer.copy(new ByteArrayInputStream(stream) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1));
      }
    }, out, err);
    assertEquals("out\ni", out.toString());
    assertEquals("err\n", err.toString());
  }

  @Test
  void systemErrorFrameAndTruncatedHeaderFail() {
    byte[] error = {3, 0, 0, 0, 0, 0, 0, 4, 'b', 'o', 'o', 'm'};
    assertEquals("error from daemon in stream: boom", assertThrows(IOException.class,
        () -> StreamDemuxer.copy(new ByteArrayInputStream(error), new ByteArrayOutputStream(), new ByteArrayOutputStream())).getMessage());
    assertThrows(IOException.class, () -> StreamDemuxer.copy(new ByteArrayInputStream(new byte[] {1, 0, 0}),
        new ByteArrayOutputStream(), new ByteArrayOutputStream()));
  }
}
