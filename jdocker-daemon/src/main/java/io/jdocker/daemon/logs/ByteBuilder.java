package io.jdocker.daemon.logs;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable, unsynchronized byte array used to build json-file lines and wire frames. */
final class ByteBuilder {
  private byte[] buf;
  private int length;

  ByteBuilder(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  int length() {
    return length;
  }

  byte[] array() {
    return buf;
  }

  void reset() {
    length = 0;
  }

  void truncate(int newLength) {
    length = newLength;
  }

  void ensureSpare(int n) {
    if (buf.length - length < n) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + n));
    }
  }

  ByteBuilder append(byte b) {
    ensureSpare(1);
    buf[length++] = b;
    return this;
  }

  ByteBuilder append(byte[] src, int off, int len) {
    ensureSpare(len);
    System.arraycopy(src, off, buf, length, len);
    length += len;
    return this;
  }

  ByteBuilder append(byte[] src) {
    return append(src, 0, src.length);
  }

  ByteBuilder appendAscii(String s) {
    return append(s.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Appends a code point (already validated) as UTF-8. */
  void appendCodePoint(int cp) {
    ensureSpare(4);
    if (cp < 0x80) {
      buf[length++] = (byte) cp;
    } else if (cp < 0x800) {
      buf[length++] = (byte) (0xC0 | cp >> 6);
      buf[length++] = (byte) (0x80 | cp & 0x3F);
    } else if (cp < 0x10000) {
      buf[length++] = (byte) (0xE0 | cp >> 12);
      buf[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
      buf[length++] = (byte) (0x80 | cp & 0x3F);
    } else {
      buf[length++] = (byte) (0xF0 | cp >> 18);
      buf[length++] = (byte) (0x80 | cp >> 12 & 0x3F);
      buf[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
      buf[length++] = (byte) (0x80 | cp & 0x3F);
    }
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, length);
  }

  ByteBuffer asByteBuffer() {
    return ByteBuffer.wrap(buf, 0, length);
  }
}
