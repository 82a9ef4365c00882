package io.jdocker.daemon.api.types.container;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jdocker.errdefs.InvalidParameterException;

/**
 * The mapper these wire types are (de)serialised with outside the HTTP layer (state files,
 * copies with replaced fields). Configured like the API's mapper: unknown fields are ignored.
 */
public final class WireJson {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private WireJson() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  static <T> T fromTree(JsonNode tree, Class<T> type) {
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw new InvalidParameterException("invalid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }
}
