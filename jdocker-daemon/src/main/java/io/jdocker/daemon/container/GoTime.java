package io.jdocker.daemon.container;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import io.jdocker.image.oci.Timestamps;
import java.io.IOException;
import java.time.Instant;

/**
 * Times as Docker writes them: RFC3339Nano in UTC, and Go's zero time
 * {@code 0001-01-01T00:00:00Z} for "never" (a null {@link Instant} here).
 */
public final class GoTime {
  public static final String ZERO = "0001-01-01T00:00:00Z";

  private GoTime() {}

  public static String format(Instant t) {
    return t == null ? ZERO : Timestamps.rfc3339Nano(t);
  }

  /** The instant, or null for Go's zero time, an empty string or an unreadable value. */
  public static Instant parse(String text) {
    if (text == null || text.isEmpty() || text.startsWith("0001-01-01T00:00:00")) {
      return null;
    }
    return Timestamps.parse(text).orElse(null);
  }

  /** Jackson writer for {@link Instant} fields of persisted state. */
  public static final class Writer extends JsonSerializer<Instant> {
    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
      gen.writeString(format(value));
    }

    @Override
    public boolean isEmpty(SerializerProvider provider, Instant value) {
      return false;
    }
  }

  /** Jackson reader for {@link Instant} fields of persisted state. */
  public static final class Reader extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return parse(p.getValueAsString());
    }
  }
}
