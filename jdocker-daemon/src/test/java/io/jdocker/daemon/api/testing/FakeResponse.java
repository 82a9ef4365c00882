package io.jdocker.daemon.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdocker.daemon.api.ApiResponse;
import io.jdocker.daemon.api.JsonStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/** Records what a handler answered; JSON bodies are serialised as the server would. */
public final class FakeResponse implements ApiResponse {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  public int status = -1;
  public JsonNode json;
  public String contentType;
  public final ByteArrayOutputStream streamed = new ByteArrayOutputStream();
  public final List<JsonNode> messages = new ArrayList<>();
  public boolean closed;

  @Override
  public void json(int s, Object body) {
    status = s;
    json = MAPPER.valueToTree(body);
  }

  @Override
  public void empty(int s) {
    status = s;
  }

  @Override
  public void text(int s, String type, String body) {
    status = s;
    contentType = type;
  }

  @Override
  public ApiResponse header(String name, String value) {
    return this;
  }

  @Override
  public OutputStream stream(int s, String type) {
    status = s;
    contentType = type;
    return new java.io.FilterOutputStream(streamed) {
      @Override
      public void close() {
        closed = true;
      }
    };
  }

  @Override
  public JsonStream jsonStream(int s) {
    status = s;
    return new JsonStream() {
      @Override
      public void write(Object message) {
        messages.add(MAPPER.valueToTree(message));
      }

      @Override
      public void close() {
        closed = true;
      }
    };
  }
}
