package io.jdocker.daemon.logs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class LogFramingTest {
  private static final Instant T = Instant.parse("2026-11-28T22:32:55.376503483Z");

  private static LogMessage msg(StdStream s, String text, Instant t) {
    return new LogMessage(s, t, text.getBytes(UTF_8));
  }

  private static String hex(byte[] b) {
    return HexFormat.ofDelimiter(" ").formatHex(b);
  }

  @Test
  void multiplexedFramesAreByteForByteAsTraced() {
    LogFraming framing = new LogFraming(false, false);
    assertEquals("01 00 00 00 00 00 00 04 6f 75 74 0a", hex(framing.encode(msg(StdStream.STDOUT, "out\n", T))));
    assertEquals("02 00 00 00 00 00 00 04 65 72 72 0a", hex(framing.encode(msg(StdStream.STDERR, "err\n", T))));
    assertEquals("application/vnd.docker.multiplexed-stream", framing.contentType());
  }

  @Test
  void lengthIsBigEndianOverFourBytes() {
    byte[] big = new byte[0x012345];
    byte[] frame = new LogFraming(false, false).encode(new LogMessage(StdStream.STDOUT, T, big));
    assertEquals("01 00 00 00 00 01 23 45", hex(java.util.Arrays.copyOf(frame, 8)));
    assertEquals(8 + big.length, frame.length);
    assertArrayEquals(LogFraming.header(2, 0x01020304), HexFormat.of().parseHex("0200000001020304"));
  }

  @Test
  void ttyIsRaw() {
    LogFraming framing = new LogFraming(true, false);
    assertEquals("tty 4\r\n", new String(framing.encode(msg(StdStream.STDOUT, "tty 4\r\n", T)), UTF_8));
    assertEquals("application/vnd.docker.raw-stream", framing.contentType());
  }

  @Test
  void timestampsArePrependedInDockerdsFixedWidthLayout() {
    LogFraming framing = new LogFraming(false, true);
    byte[] frame = framing.encode(msg(StdStream.STDERR, "err 3\n", T));
    String payload = "2026-11-28T22:32:55.376503483Z err 3\n";
    assertEquals(payload, new String(frame, 8, frame.length - 8, UTF_8));
    assertEquals(payload.length(), frame[7]);
    byte[] raw = new LogFraming(true, true).encode(msg(StdStream.STDOUT, "x\n", Instant.parse("2026-11-28T22:32:55.1Z")));
    assertEquals("2026-11-28T22:32:55.100000000Z x\n", new String(raw, UTF_8));
  }

  @Test
  void aLineStoredAsPartialRecordsGetsOneTimestampPerStream() {
    LogFraming framing = new LogFraming(true, true);
    String first = new String(framing.encode(msg(StdStream.STDOUT, "aaa", T)), UTF_8);
    String other = new String(framing.encode(msg(StdStream.STDERR, "e\n", T)), UTF_8);
    String rest = new String(framing.encode(msg(StdStream.STDOUT, "bbb\n", T)), UTF_8);
    String next = new String(framing.encode(msg(StdStream.STDOUT, "c\n", T)), UTF_8);
    assertEquals("2026-11-28T22:32:55.376503483Z aaa", first);
    assertEquals("2026-11-28T22:32:55.376503483Z e\n", other);
    assertEquals("bbb\n", rest);
    assertEquals("2026-11-28T22:32:55.376503483Z c\n", next);
  }

  @Test
  void systemErrorsUseFrameType3() {
    byte[] frame = new LogFraming(false, false).systemError("boom");
    assertEquals(3, frame[0]);
    assertEquals("Error grabbing logs: boom\n", new String(frame, 8, frame.length - 8, UTF_8));
  }
}
