package io.jdocker.daemon.api;

import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The response head that starts a hijacked stream, byte for byte as dockerd writes it by hand
 * after taking the connection from Go's HTTP server: no Api-Version, Server or Date header, and
 * no length (the stream runs until the connection closes).
 */
final class HijackHead {
  private HijackHead() {}

  static byte[] bytes(boolean upgrade, String contentType, HttpHeaders extra) {
    checkValue(contentType);
    StringBuilder head = new StringBuilder(160);
    if (upgrade) {
      head.append("HTTP/1.1 101 UPGRADED\r\nContent-Type: ").append(contentType)
          .append("\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n");
    } else {
      head.append("HTTP/1.1 200 OK\r\nContent-Type: ").append(contentType).append("\r\n");
    }
    for (Map.Entry<String, String> header : extra) {
      checkValue(header.getKey());
      checkValue(header.getValue());
      head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
    }
    return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static void checkValue(String text) {
    if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("line break in response header: " + text);
    }
  }
}
