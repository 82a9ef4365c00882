package io.jdocker.daemon.api;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An {@link ApiResponse} for testing hijacking handlers: {@link #hijack} hands out the
 * {@link InMemoryHijack} the test drives; answers given instead (errors) are recorded.
 */
public final class HijackResponse implements ApiResponse {
  public final InMemoryHijack connection;
  private volatile String hijackedAs;
  private volatile int status = -1;
  private volatile String body;

  public HijackResponse() {
    this(new InMemoryHijack());
  }

  public HijackResponse(InMemoryHijack connection) {
    this.connection = connection;
  }

  /** The content type passed to hijack(), or null if the handler did not hijack. */
  public String hijackedAs() {
    return hijackedAs;
  }

  /** The status of a non-hijack answer, -1 when none. */
  public int status() {
    return status;
  }

  /** The body of a non-hijack answer (JSON as the server would send it). */
  public String body() {
    return body;
  }

  @Override
  public Hijack hijack(String contentType) {
    if (hijackedAs != null || status != -1) {
      throw new IllegalStateException("response already sent");
    }
    hijackedAs = contentType;
    return connection;
  }

  @Override
  public void json(int s, Object value) {
    answer(s, new String(ApiJson.line(value), StandardCharsets.UTF_8));
  }

  @Override
  public void empty(int s) {
    answer(s, "");
  }

  @Override
  public void text(int s, String contentType, String text) {
    answer(s, text);
  }

  @Override
  public ApiResponse header(String name, String value) {
    return this;
  }

  @Override
  public OutputStream stream(int s, String contentType) {
    answer(s, "");
    return new ByteArrayOutputStream();
  }

  @Override
  public JsonStream jsonStream(int s) {
    throw new UnsupportedOperationException("not a streaming test double");
  }

  private void answer(int s, String text) {
    if (hijackedAs != null || status != -1) {
      throw new IllegalStateException("response already sent");
    }
    status = s;
    body = text;
  }
}
