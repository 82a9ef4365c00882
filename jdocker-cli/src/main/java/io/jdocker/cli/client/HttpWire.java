package io.jdocker.cli.client;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Line reading for HTTP heads and chunk sizes. */
final class HttpWire {
  static final byte[] CRLF = {'\r', '\n'};

  private HttpWire() {}

  /** One line without its CRLF (a bare LF is accepted). */
  static String readLine(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    while (true) {
      int c = in.read();
      if (c < 0) {
        if (sb.isEmpty()) {
          throw new EOFException("connection closed by the daemon");
        }
        return sb.toString();
      }
      if (c == '\n') {
        int len = sb.length();
        if (len > 0 && sb.charAt(len - 1) == '\r') {
          sb.setLength(len - 1);
        }
        return sb.toString();
      }
      sb.append((char) c);
    }
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
