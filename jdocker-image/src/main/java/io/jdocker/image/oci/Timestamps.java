package io.jdocker.image.oci;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Go's time.RFC3339Nano, which Docker uses for every timestamp in image JSON. */
public final class Timestamps {
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  private Timestamps() {}

  /** {@code 2024-05-01T10:00:00.5Z}: fraction without trailing zeros, none when whole. */
  public static String rfc3339Nano(Instant t) {
    OffsetDateTime utc = t.atOffset(ZoneOffset.UTC);
    StringBuilder s = new StringBuilder(SECONDS.format(utc));
    if (t.getNano() != 0) {
      String frac = String.format("%09d", t.getNano()).replaceAll("0+$", "");
      s.append('.').append(frac);
    }
    return s.append('Z').toString();
  }

  public static Optional<Instant> parse(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
