package io.jdocker.cli.json;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON values one after another from a stream, as Go's {@code json.Decoder} does for the
 * daemon's progress and event streams. Objects become insertion-ordered maps (so output keeps the
 * daemon's field order), integers {@link Long} (or {@link BigInteger}), other numbers
 * {@link Double}.
 */
public final class JsonReader {
  private static final Object END = new Object();
  private final Reader in;
  private int peeked = -2;

  public JsonReader(Reader in) {
    this.in = in;
  }

  public static Object parse(String text) {
    try {
      JsonReader reader = new JsonReader(new java.io.StringReader(text));
      Object value = reader.next();
      if (value == END) {
        throw new JsonException("unexpected end of JSON input");
      }
      if (reader.skipSpace() != -1) {
        throw new JsonException("invalid character after top-level value");
      }
      return value;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** True when another value follows; false at a clean end of input. */
  public boolean hasNext() throws IOException {
    return skipSpace() != -1;
  }

  /** The next value; throws at end of input. */
  public Object read() throws IOException {
    Object value = next();
    if (value == END) {
      throw new JsonException("unexpected end of JSON input");
    }
    return value;
  }

  private Object next() throws IOException {
    int c = skipSpace();
    if (c == -1) {
      return END;
    }
    return value();
  }

  private Object value() throws IOException {
    int c = skipSpace();
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        take();
        return string();
      case 't':
        literal("true");
        return Boolean.TRUE;
      case 'f':
        literal("false");
        return Boolean.FALSE;
      case 'n':
        literal("null");
        return null;
      case -1:
        throw new JsonException("unexpected end of JSON input");
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw new JsonException("invalid character '" + (char) c + "' looking for beginning of value");
    }
  }

  private Map<String, Object> object() throws IOException {
    take();
    Map<String, Object> map = new LinkedHashMap<>();
    if (skipSpace() == '}') {
      take();
      return map;
    }
    while (true) {
      if (skipSpace() != '"') {
        throw new JsonException("invalid character looking for beginning of object key string");
      }
      take();
      String key = string();
      expect(':');
      map.put(key, value());
      int c = skipSpace();
      take();
      if (c == '}') {
        return map;
      }
      if (c != ',') {
        throw new JsonException("invalid character after object key:value pair");
      }
    }
  }

  private List<Object> array() throws IOException {
    take();
    List<Object> list = new ArrayList<>();
    if (skipSpace() == ']') {
      take();
      return list;
    }
    while (true) {
      list.add(value());
      int c = skipSpace();
      take();
      if (c == ']') {
        return list;
      }
      if (c != ',') {
        throw new JsonException("invalid character after array element");
      }
    }
  }

  private String string() throws IOException {
    StringBuilder sb = new StringBuilder();
    while (true) {
      int c = take();
      if (c == -1) {
        throw new JsonException("unexpected end of JSON input");
      }
      if (c == '"') {
        return sb.toString();
      }
      if (c != '\\') {
        sb.append((char) c);
        continue;
      }
      int e = take();
      switch (e) {
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'u' -> {
          char[] hex = new char[4];
          for (int i = 0; i < 4; i++) {
            hex[i] = (char) take();
          }
          sb.append((char) Integer.parseInt(new String(hex), 16));
        }
        default -> sb.append((char) e);
      }
    }
  }

  private Object number() throws IOException {
    StringBuilder sb = new StringBuilder();
    boolean integral = true;
    while (true) {
      int c = peek();
      if ((c >= '0' && c <= '9') || c == '-' || c == '+') {
        sb.append((char) take());
      } else if (c == '.' || c == 'e' || c == 'E') {
        integral = false;
        sb.append((char) take());
      } else {
        break;
      }
    }
    String text = sb.toString();
    try {
      if (integral) {
        BigInteger big = new BigInteger(text);
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
      }
      return new BigDecimal(text).doubleValue();
    } catch (NumberFormatException e) {
      throw new JsonException("invalid number " + text);
    }
  }

  private void literal(String word) throws IOException {
    for (int i = 0; i < word.length(); i++) {
      if (take() != word.charAt(i)) {
        throw new JsonException("invalid literal, expected " + word);
      }
    }
  }

  private void expect(char want) throws IOException {
    if (skipSpace() != want) {
      throw new JsonException("expected '" + want + "'");
    }
    take();
  }

  private int skipSpace() throws IOException {
    int c = peek();
    while (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      take();
      c = peek();
    }
    return c;
  }

  private int peek() throws IOException {
    if (peeked == -2) {
      peeked = in.read();
    }
    return peeked;
  }

  private int take() throws IOException {
    int c = peek();
    peeked = -2;
    return c;
  }
}
