package io.jdocker.image.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jdocker.errdefs.InvalidParameterException;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The one Jackson mapper for image JSON: tolerant on read, compact and null-free on write. */
public final class Json {
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .build();

  private Json() {}

  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads JSON that came from outside (an archive, a request): malformed input is a 400 naming {@code what}. */
  public static <T> T read(byte[] json, Class<T> type, String what) {
    try {
      T value = MAPPER.readValue(json, type);
      if (value == null) {
        throw new InvalidParameterException("invalid " + what + ": empty JSON");
      }
      return value;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidParameterException("invalid " + what + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InvalidParameterException("invalid " + what + ": " + e.getMessage(), e);
    }
  }
}
