package io.jdocker.daemon.logs;

import java.time.Instant;

/**
 * Reads one json-file line ({@code {"log":…,"stream":…,"attrs":{…},"time":…}}, fields in any
 * order, unknown ones skipped) straight from the file's bytes into a {@link LogMessage}, decoding
 * the log text to the bytes the container wrote. Not thread-safe: one per reader.
 */
final class JsonLogDecoder {
  /** Thrown for any malformed line; preallocated because bad lines are skipped, not reported. */
  private static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;
    private static final Malformed INSTANCE = new Malformed();

    private Malformed() {
      super(null, null, false, false);
    }
  }

  private final ByteBuilder scratch = new ByteBuilder(16 * 1024);
  private byte[] s;
  private int i;
  private int end;

  /** Decodes {@code line[off, off+len)} (without its newline), or returns null if malformed. */
  LogMessage decode(byte[] line, int off, int len) {
    s = line;
    i = off;
    end = off + len;
    try {
      return object();
    } catch (Malformed | ArrayIndexOutOfBoundsException e) {
      return null;
    } finally {
      s = null;
    }
  }

  private LogMessage object() throws Malformed {
    byte[] log = new byte[0];
    StdStream stream = null;
    Instant time = null;
    skipWhitespace();
    expect('{');
    skipWhitespace();
    if (peek() != '}') {
      while (true) {
        skipWhitespace();
        int keyStart = i + 1;
        skipString();
        int keyEnd = i - 1;
        skipWhitespace();
        expect(':');
        skipWhitespace();
        if (keyIs(keyStart, keyEnd, "log")) {
          string();
          log = scratch.toByteArray();
        } else if (keyIs(keyStart, keyEnd, "stream")) {
          string();
          stream = streamNamed();
        } else if (keyIs(keyStart, keyEnd, "time")) {
          string();
          time = DockerTime.parseRfc3339(scratch.array(), 0, scratch.length());
        } else {
          skipValue();
        }
        skipWhitespace();
        if (peek() == ',') {
          i++;
          continue;
        }
        break;
      }
    }
    expect('}');
    if (stream == null || time == null) {
      throw Malformed.INSTANCE;
    }
    return new LogMessage(stream, time, log);
  }

  private StdStream streamNamed() {
    int n = scratch.length();
    byte[] a = scratch.array();
    if (n == 6 && a[0] == 's' && a[1] == 't' && a[2] == 'd') {
      if (a[3] == 'o' && a[4] == 'u' && a[5] == 't') {
        return StdStream.STDOUT;
      }
      if (a[3] == 'e' && a[4] == 'r' && a[5] == 'r') {
        return StdStream.STDERR;
      }
    }
    return null;
  }

  private boolean keyIs(int from, int to, String key) {
    if (to - from != key.length()) {
      return false;
    }
    for (int k = 0; k < key.length(); k++) {
      if (s[from + k] != key.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Decodes the JSON string at {@code i} into {@link #scratch} as UTF-8. */
  private void string() throws Malformed {
    scratch.reset();
    expect('"');
    int runStart = i;
    while (true) {
      if (i >= end) {
        throw Malformed.INSTANCE;
      }
      byte b = s[i];
      if (b == '"') {
        scratch.append(s, runStart, i - runStart);
        i++;
        return;
      }
      if (b != '\\') {
        i++;
        continue;
      }
      scratch.append(s, runStart, i - runStart);
      i++;
      escape();
      runStart = i;
    }
  }

  private void escape() throws Malformed {
    byte c = peek();
    i++;
    switch (c) {
      case '"', '\\', '/' -> scratch.append(c);
      case 'n' -> scratch.append((byte) '\n');
      case 'r' -> scratch.append((byte) '\r');
      case 't' -> scratch.append((byte) '\t');
      case 'b' -> scratch.append((byte) '\b');
      case 'f' -> scratch.append((byte) '\f');
      case 'u' -> {
        int unit = hex4();
        if (Character.isHighSurrogate((char) unit)) {
          if (i + 6 <= end && s[i] == '\\' && s[i + 1] == 'u') {
            int save = i;
            i += 2;
            int low = hex4();
            if (Character.isLowSurrogate((char) low)) {
              scratch.appendCodePoint(Character.toCodePoint((char) unit, (char) low));
              return;
            }
            i = save;
          }
          scratch.appendCodePoint(0xFFFD);
        } else if (Character.isLowSurrogate((char) unit)) {
          scratch.appendCodePoint(0xFFFD);
        } else {
          scratch.appendCodePoint(unit);
        }
      }
      default -> throw Malformed.INSTANCE;
    }
  }

  private int hex4() throws Malformed {
    int v = 0;
    for (int k = 0; k < 4; k++) {
      int d = Character.digit(peek(), 16);
      i++;
      if (d < 0) {
        throw Malformed.INSTANCE;
      }
      v = v << 4 | d;
    }
    return v;
  }

  private void skipString() throws Malformed {
    expect('"');
    while (true) {
      if (i >= end) {
        throw Malformed.INSTANCE;
      }
      byte b = s[i++];
      if (b == '"') {
        return;
      }
      if (b == '\\') {
        i++;
      }
    }
  }

  /** Skips any JSON value; used for {@code attrs} and fields this reader does not know. */
  private void skipValue() throws Malformed {
    byte b = peek();
    if (b == '"') {
      skipString();
      return;
    }
    if (b == '{' || b == '[') {
      int depth = 0;
      do {
        byte c = peek();
        if (c == '"') {
          skipString();
          continue;
        }
        if (c == '{' || c == '[') {
          depth++;
        } else if (c == '}' || c == ']') {
          depth--;
        }
        i++;
      } while (depth > 0);
      return;
    }
    int start = i;
    while (i < end && s[i] != ',' && s[i] != '}' && s[i] != ']' && s[i] > ' ') {
      i++;
    }
    if (i == start) {
      throw Malformed.INSTANCE;
    }
  }

  private void skipWhitespace() {
    while (i < end && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) {
      i++;
    }
  }

  private byte peek() throws Malformed {
    if (i >= end) {
      throw Malformed.INSTANCE;
    }
    return s[i];
  }

  private void expect(char c) throws Malformed {
    if (peek() != c) {
      throw Malformed.INSTANCE;
    }
    i++;
  }
}
