package io.jdocker.daemon.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RequestBodyStreamTest {
  private final AtomicInteger resumes = new AtomicInteger();
  private final RequestBodyStream body = new RequestBodyStream(resumes::incrementAndGet);

  @Test
  void asksToPauseAboveHighWaterAndResumesBelowLowWater() throws IOException {
    int chunk = 64 * 1024;
    int offered = 0;
    boolean pause = false;
    while (!pause) {
      pause = body.offer(Unpooled.wrappedBuffer(new byte[chunk]));
      offered += chunk;
    }
    assertEquals(RequestBodyStream.HIGH_WATER, offered);
    byte[] sink = new byte[chunk];
    int read = 0;
    while (offered - read > RequestBodyStream.LOW_WATER) {
      assertEquals(0, resumes.get(), "resumed before draining below the low-water mark");
      read += body.read(sink, 0, sink.length);
    }
    assertEquals(1, resumes.get());
  }

  @Test
  void deliversBytesInOrderThenEof() throws IOException {
    assertFalse(body.offer(Unpooled.wrappedBuffer(new byte[] {1, 2})));
    assertFalse(body.offer(Unpooled.wrappedBuffer(new byte[] {3})));
    body.end();
    assertArrayEquals(new byte[] {1, 2, 3}, body.readAllBytes());
    assertEquals(-1, body.read());
  }

  @Test
  void failureSurfacesAfterBufferedData() throws IOException {
    body.offer(Unpooled.wrappedBuffer(new byte[] {7}));
    body.fail(new IOException("client disconnected"));
    assertEquals(7, body.read());
    IOException e = assertThrows(IOException.class, body::read);
    assertTrue(e.getMessage().contains("client disconnected"));
  }

  @Test
  void closeReleasesBuffersAndDiscardsLaterChunks() {
    ByteBuf first = Unpooled.buffer().writeBytes(new byte[10]);
    body.offer(first);
    body.close();
    assertEquals(0, first.refCnt());
    ByteBuf late = Unpooled.buffer().writeBytes(new byte[10]);
    assertFalse(body.offer(late));
    assertEquals(0, late.refCnt());
  }
}
