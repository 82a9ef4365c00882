package io.jdocker.daemon.logs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonLogCodecTest {
  private static final Instant T = Instant.parse("2026-11-28T22:32:55.376503483Z");

  private static String encode(StdStream stream, byte[] log, Instant time) {
    ByteBuilder b = new ByteBuilder(16);
    JsonLogEncoder.appendHead(b, stream, log, 0, log.length);
    JsonLogEncoder.appendTail(b, time);
    return new String(b.array(), 0, b.length(), UTF_8);
  }

  private static LogMessage decode(String line) {
    byte[] b = ("garbage" + line + "\n{\"more\":").getBytes(UTF_8);
    return new JsonLogDecoder().decode(b, 7, line.getBytes(UTF_8).length);
  }

  @Test
  void writesDockersExactLine() {
    assertEquals(
        "{\"log\":\"out\\n\",\"stream\":\"stdout\",\"time\":\"2026-11-28T22:32:55.376503483Z\"}\n",
        encode(StdStream.STDOUT, "out\n".getBytes(UTF_8), T));
    assertEquals(
        "{\"log\":\"part\",\"stream\":\"stderr\",\"time\":\"2026-11-28T22:32:55.1Z\"}\n",
        encode(StdStream.STDERR, "part".getBytes(UTF_8), Instant.parse("2026-11-28T22:32:55.100Z")));
  }

  @Test
  void escapesAsMobysMarshaller() {
    byte[] log = {'a', '"', '\\', '<', '>', '&', '\t', '\r', 0x01, 0x7f, (byte) 0xE2, (byte) 0x80, (byte) 0xA8, (byte) 0xC3, (byte) 0xA9, (byte) 0xFF, '\n'};
    String line = encode(StdStream.STDOUT, log, T);
    assertEquals(
        "{\"log\":\"a\\\"\\\\\\u003c\\u003e\\u0026\\u0009\\r\\u0001\u007f\\u2028é\\ufffd\\n\",\"stream\":\"stdout\",\"time\":\"2026-11-28T22:32:55.376503483Z\"}\n",
        line);
  }

  @Test
  void roundTripsValidUtf8Exactly() {
    Random random = new Random(42);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      int cp = random.nextInt(4) == 0 ? random.nextInt(0x20, 0x80) : random.nextInt(0, 0x2FFFF);
      if (Character.isValidCodePoint(cp) && !(cp >= 0xD800 && cp <= 0xDFFF)) {
        text.appendCodePoint(cp);
      }
    }
    byte[] original = text.toString().getBytes(UTF_8);
    String line = encode(StdStream.STDERR, original, T);
    LogMessage m = decode(line.substring(0, line.length() - 1));
    assertNotNull(m);
    assertArrayEquals(original, m.bytes());
    assertEquals(StdStream.STDERR, m.stream());
    assertEquals(T, m.time());
  }

  @Test
  void readsDockerLinesWithAttrsAndEscapesInAnyFieldOrder() {
    LogMessage m = decode("{\"time\":\"2026-11-28T22:32:55Z\", \"attrs\":{\"tag\":\"a}\\\"b\",\"n\":[1,{}]},\"stream\":\"stderr\",\"log\":\"\\u00e9\\ud83d\\ude00\\/\\b\\f\\t\"}");
    assertNotNull(m);
    assertEquals(StdStream.STDERR, m.stream());
    assertEquals(Instant.parse("2026-11-28T22:32:55Z"), m.time());
    assertEquals("é\uD83D\uDE00/\b\f\t", new String(m.bytes(), UTF_8));
  }

  @Test
  void loneSurrogatesBecomeReplacementCharacters() {
    LogMessage m = decode("{\"log\":\"\\ud83dx\\ude00\",\"stream\":\"stdout\",\"time\":\"2026-11-28T22:32:55Z\"}");
    assertNotNull(m);
    assertEquals("\uFFFDx\uFFFD", new String(m.bytes(), UTF_8));
  }

  @Test
  void malformedLinesAreRejectedNotMisread() {
    assertNull(decode("{\"log\":\"x\",\"stream\":\"stdout\",\"time\":\"2026-11-28T22:32:55Z\""));
    assertNull(decode("{\"log\":\"x"));
    assertNull(decode("{\"log\":\"x\",\"stream\":\"stdin\",\"time\":\"2026-11-28T22:32:55Z\"}"));
    assertNull(decode("{\"log\":\"x\",\"stream\":\"stdout\"}"));
    assertNull(decode("{\"log\":\"\\q\",\"stream\":\"stdout\",\"time\":\"2026-11-28T22:32:55Z\"}"));
    assertNull(decode("{\"log\":\"\\u12\",\"stream\":\"stdout\",\"time\":\"2026-11-28T22:32:55Z\"}"));
    assertNull(decode(""));
  }
}
