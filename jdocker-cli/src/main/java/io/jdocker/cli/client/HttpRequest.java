package io.jdocker.cli.client;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** One request: a body is absent, a byte array, or a stream sent chunked. */
public record HttpRequest(String method, String target, Map<String, String> headers, byte[] body, InputStream stream) {
  public HttpRequest {
    headers = new LinkedHashMap<>(headers);
  }

  public static HttpRequest of(String method, String target) {
    return new HttpRequest(method, target, Map.of(), null, null);
  }

  public HttpRequest withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new HttpRequest(method, target, copy, body, stream);
  }

  public HttpRequest withBody(byte[] bytes, String contentType) {
    return new HttpRequest(method, target, headers, bytes, null).withHeader("Content-Type", contentType);
  }

  public HttpRequest withStream(InputStream in, String contentType) {
    return new HttpRequest(method, target, headers, null, in).withHeader("Content-Type", contentType);
  }
}
