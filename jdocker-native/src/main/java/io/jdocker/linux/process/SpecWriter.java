package io.jdocker.linux.process;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * jdocker-init's wire format (see jdocker-init.c): a big-endian u32 length, then NUL-terminated
 * "key", "value" strings, ending with an empty key.
 */
final class SpecWriter {
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  void put(String key, String value) {
    string(key);
    string(value);
  }

  void string(String s) {
    if (s.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("NUL byte in container spec value: " + s.replace('\0', '?'));
    }
    body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    body.write(0);
  }

  /** The terminated spec with its length prefix. */
  byte[] finish() {
    string("");
    byte[] bytes = body.toByteArray();
    return ByteBuffer.allocate(4 + bytes.length).putInt(bytes.length).put(bytes).array();
  }
}
