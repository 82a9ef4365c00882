package io.jdocker.daemon.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;

/**
 * The daemon's one ObjectMapper. Configured like Go's encoding/json: unknown request fields are
 * ignored (clients send newer fields), empty beans serialise as {@code {}}.
 */
public final class ApiJson {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private ApiJson() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** The value as JSON followed by '\n', as Go's json.Encoder writes it. */
  public static byte[] line(Object value) {
    return withTerminator(value, (byte) '\n');
  }

  /** The value as JSON followed by "\r\n", the framing of progress streams. */
  public static byte[] progressLine(Object value) {
    try {
      byte[] json = MAPPER.writeValueAsBytes(value);
      byte[] out = java.util.Arrays.copyOf(json, json.length + 2);
      out[json.length] = '\r';
      out[json.length + 1] = '\n';
      return out;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] withTerminator(Object value, byte terminator) {
    try {
      byte[] json = MAPPER.writeValueAsBytes(value);
      byte[] out = java.util.Arrays.copyOf(json, json.length + 1);
      out[json.length] = terminator;
      return out;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
