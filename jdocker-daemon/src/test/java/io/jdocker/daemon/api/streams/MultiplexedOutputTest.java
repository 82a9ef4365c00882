package io.jdocker.daemon.api.streams;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdocker.daemon.api.InMemoryHijack;
import io.jdocker.daemon.api.InMemoryHijack.Frame;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MultiplexedOutputTest {
  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void stdoutAndStderrFramesAreByteExactAsDockerd() throws IOException {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    MultiplexedOutput mux = new MultiplexedOutput(wire);
    mux.stdout().write(ascii("out\n"));
    mux.stderr().write(ascii("err\n"));
    assertEquals("0100000000000004" + "6f75740a" + "0200000000000004" + "6572720a",
        HexFormat.of().formatHex(wire.toByteArray()));
  }

  @Test
  void lengthIsBigEndianOverFourBytes() throws IOException {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    byte[] payload = new byte[0x012345];
    payload[payload.length - 1] = 7;
    new MultiplexedOutput(wire).write(MultiplexedOutput.STDERR, payload, 0, payload.length);
    byte[] bytes = wire.toByteArray();
    assertEquals("0200000000012345", HexFormat.of().formatHex(bytes, 0, 8));
    assertEquals(8 + payload.length, bytes.length);
    assertEquals(7, bytes[bytes.length - 1]);
  }

  @Test
  void systemErrorIsStreamThreeAndEmptyWritesSendNothing() throws IOException {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    MultiplexedOutput mux = new MultiplexedOutput(wire);
    mux.stdout().write(new byte[0]);
    mux.systemError("boom");
    assertEquals("0300000000000004" + "626f6f6d", HexFormat.of().formatHex(wire.toByteArray()));
  }

  @Test
  void unknownStreamTypeIsRefused() {
    MultiplexedOutput mux = new MultiplexedOutput(new ByteArrayOutputStream());
    assertThrows(IllegalArgumentException.class, () -> mux.write(4, new byte[1], 0, 1));
  }

  @Test
  void eachFrameIsOneFlushedWriteOfTheUnderlyingStream() throws IOException {
    StringBuilder calls = new StringBuilder();
    OutputStream recorder = new OutputStream() {
      @Override
      public void write(int b) {
        calls.append("byte ");
      }

      @Override
      public void write(byte[] b, int off, int len) {
        calls.append("write(").append(len).append(") ");
      }

      @Override
      public void flush() {
        calls.append("flush ");
      }
    };
    new MultiplexedOutput(recorder).stdout().write(ascii("hello"));
    assertEquals("write(13) flush ", calls.toString());
  }

  @Test
  void concurrentStdoutAndStderrNeverInterleaveWithinAFrame() throws Exception {
    InMemoryHijack connection = new InMemoryHijack();
    MultiplexedOutput mux = new MultiplexedOutput(connection.output());
    int writes = 2000;
    ExecutorService pumps = Executors.newFixedThreadPool(2);
    try {
      Future<?> out = pumps.submit(() -> pump(mux.stdout(), 'o', writes));
      Future<?> err = pumps.submit(() -> pump(mux.stderr(), 'e', writes));
      out.get();
      err.get();
    } finally {
      pumps.shutdownNow();
    }
    List<Frame> frames = connection.frames();
    assertEquals(2 * writes, frames.size());
    for (Frame frame : frames) {
      byte expected = (byte) (frame.stream() == MultiplexedOutput.STDOUT ? 'o' : 'e');
      byte[] same = new byte[frame.payload().length];
      java.util.Arrays.fill(same, expected);
      assertArrayEquals(same, frame.payload(), frame.toString());
    }
  }

  private static Void pump(OutputStream out, char c, int writes) throws IOException {
    for (int i = 1; i <= writes; i++) {
      out.write(String.valueOf(c).repeat(1 + i % 300).getBytes(StandardCharsets.US_ASCII));
    }
    return null;
  }
}
