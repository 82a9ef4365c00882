package io.jdocker.daemon.logs;

/** UTF-8 sequence checks with Go's {@code utf8.DecodeRune} rules (no overlongs, no surrogates). */
final class Utf8 {
  private Utf8() {}

  /**
   * The length of the valid multi-byte sequence starting at {@code i}, or 0 when the bytes there
   * are not one (including a sequence cut off by {@code end}).
   */
  static int sequenceLength(byte[] s, int i, int end) {
    int b0 = s[i] & 0xFF;
    if (b0 < 0xC2 || b0 > 0xF4) {
      return 0;
    }
    int need = b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
    if (end - i < need) {
      return 0;
    }
    int b1 = s[i + 1] & 0xFF;
    int lo = 0x80;
    int hi = 0xBF;
    if (b0 == 0xE0) {
      lo = 0xA0;
    } else if (b0 == 0xED) {
      hi = 0x9F;
    } else if (b0 == 0xF0) {
      lo = 0x90;
    } else if (b0 == 0xF4) {
      hi = 0x8F;
    }
    if (b1 < lo || b1 > hi) {
      return 0;
    }
    for (int k = 2; k < need; k++) {
      if ((s[i + k] & 0xC0) != 0x80) {
        return 0;
      }
    }
    return need;
  }

  /**
   * Where to cut {@code s[off, end)} so that no UTF-8 sequence is split: {@code end} itself, or
   * the start of a sequence that the last one to three bytes only begin.
   */
  static int safeCut(byte[] s, int off, int end) {
    for (int back = 1; back <= 3 && end - back >= off; back++) {
      int b = s[end - back] & 0xFF;
      if ((b & 0xC0) == 0x80) {
        continue; // continuation byte: look further back for the lead byte
      }
      if (b >= 0xC2 && b <= 0xF4) {
        int need = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        return need > back && end - back > off ? end - back : end;
      }
      return end;
    }
    return end;
  }
}
