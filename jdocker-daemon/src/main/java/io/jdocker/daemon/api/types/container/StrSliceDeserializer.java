package io.jdocker.daemon.api.types.container;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code strslice.StrSlice}: {@code Cmd}, {@code Entrypoint} and {@code Shell} accept either
 * a JSON array of strings or a single string (which becomes a one-element list).
 */
public final class StrSliceDeserializer extends JsonDeserializer<List<String>> {
  @Override
  public List<String> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      List<String> one = new ArrayList<>(1);
      one.add(p.getText());
      return one;
    }
    if (token == JsonToken.START_ARRAY) {
      List<String> values = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
          return ctxt.reportInputMismatch(List.class, "strslice: expected strings, got %s", p.currentToken());
        }
        values.add(p.getText());
      }
      return values;
    }
    return ctxt.reportInputMismatch(List.class, "strslice: expected a string or an array of strings");
  }

  @Override
  public List<String> getNullValue(DeserializationContext ctxt) {
    return null;
  }
}
