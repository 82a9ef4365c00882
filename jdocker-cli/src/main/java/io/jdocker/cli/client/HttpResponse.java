package io.jdocker.cli.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** A response whose body is read from the connection on demand; close it to free the connection. */
public final class HttpResponse implements AutoCloseable {
  private final int status;
  private final Map<String, String> headers;
  private final InputStream body;

  HttpResponse(int status, Map<String, String> headers, InputStream body) {
    this.status = status;
    this.headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    this.headers.putAll(headers);
    this.body = body;
  }

  public int status() {
    return status;
  }

  /** Header value (case-insensitive name) or null. */
  public String header(String name) {
    return headers.get(name);
  }

  public InputStream body() {
    return body;
  }

  public byte[] bytes() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    body.transferTo(out);
    return out.toByteArray();
  }

  public String text() throws IOException {
    return new String(bytes(), StandardCharsets.UTF_8);
  }

  /** Drains what is left so the connection can carry the next request. */
  @Override
  public void close() throws IOException {
    body.transferTo(OutputStreamSink.INSTANCE);
  }

  private static final class OutputStreamSink extends java.io.OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
