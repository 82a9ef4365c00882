package io.jdocker.cli.tty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DetachKeysTest {
  @Test
  void parsesDockersKeySyntax() {
    assertArrayEquals(new byte[] {16, 17}, DetachKeys.parse("ctrl-p,ctrl-q"));
    assertArrayEquals(new byte[] {1, 'x'}, DetachKeys.parse("ctrl-a,x"));
    assertArrayEquals(new byte[] {0, 27, 28, 29, 30, 31}, DetachKeys.parse("ctrl-@,ctrl-[,ctrl-\\,ctrl-],ctrl-^,CTRL-_"));
    assertEquals("Unknown character: 'ctrl-1'", assertThrows(IllegalArgumentException.class, () -> DetachKeys.parse("ctrl-1")).getMessage());
    assertEquals("Unknown character: 'foo'", assertThrows(IllegalArgumentException.class, () -> DetachKeys.parse("foo")).getMessage());
  }

  @Test
  void badCustomKeysFallBackToTheDefaultAsDockersStreamerDoes() {
    assertArrayEquals(new byte[] {16, 17}, DetachKeys.orDefault("foo"));
    assertArrayEquals(new byte[] {16, 17}, DetachKeys.orDefault(null));
    assertArrayEquals(new byte[] {'e', 'x'}, DetachKeys.orDefault("e,x"));
  }

  /** Reads the proxy one small read at a time, as keystrokes arrive, until EOF or the escape. */
  private static String pump(InputStream keys, byte[] detach, boolean[] escaped) throws IOException {
    EscapeProxy proxy = new EscapeProxy(keys, detach);
    ByteArrayOutputStream sent = new ByteArrayOutputStream();
    byte[] buffer = new byte[3];
    try {
      for (int n = proxy.read(buffer); n >= 0; n = proxy.read(buffer)) {
        sent.write(buffer, 0, n);
      }
    } catch (EscapeSequenceException e) {
      escaped[0] = true;
      assertEquals("read escape sequence", e.getMessage());
    }
    return sent.toString(StandardCharsets.ISO_8859_1);
  }

  @Test
  void theFullSequenceDetachesAndIsNotSent() throws IOException {
    boolean[] escaped = {false};
    String sent = pump(new ByteArrayInputStream("ls\n\u0010\u0011after".getBytes(StandardCharsets.ISO_8859_1)),
        DetachKeys.parse(DetachKeys.DEFAULT), escaped);
    assertEquals("ls\n", sent);
    assertEquals(true, escaped[0]);
  }

  @Test
  void aPartialSequenceFollowedByAnotherKeyIsSentInFull() throws IOException {
    boolean[] escaped = {false};
    String sent = pump(new ByteArrayInputStream("a\u0010xb\u0010\u0010\u0011".getBytes(StandardCharsets.ISO_8859_1)),
        DetachKeys.parse(DetachKeys.DEFAULT), escaped);
    assertEquals("a\u0010xb\u0010", sent);
    assertEquals(true, escaped[0]);
  }

  @Test
  void aPartialSequenceAtEndOfInputIsFlushedAndCustomKeysWork() throws IOException {
    boolean[] escaped = {false};
    assertEquals("ab\u0010", pump(new ByteArrayInputStream("ab\u0010".getBytes(StandardCharsets.ISO_8859_1)),
        DetachKeys.parse(DetachKeys.DEFAULT), escaped));
    assertEquals(false, escaped[0]);
    assertEquals("e", pump(new ByteArrayInputStream("e\u0001x".getBytes(StandardCharsets.ISO_8859_1)),
        DetachKeys.parse("ctrl-a,x"), escaped));
    assertEquals(true, escaped[0]);
  }

  @Test
  void singleByteReadsSeeTheSameStream() throws IOException {
    EscapeProxy proxy = new EscapeProxy(new ByteArrayInputStream("\u0010y".getBytes(StandardCharsets.ISO_8859_1)),
        DetachKeys.parse(DetachKeys.DEFAULT));
    assertEquals(0x10, proxy.read());
    assertEquals('y', proxy.read());
    assertEquals(-1, proxy.read());
  }

  @Test
  void windowSizeParsesSttyOutput() {
    assertEquals(new WindowSize(30, 100), WindowSize.parse("30 100\n"));
    assertEquals(null, WindowSize.parse("stty: 'standard input': Inappropriate ioctl for device"));
  }
}
