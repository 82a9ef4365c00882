package io.jdocker.cli.json;

/** Malformed JSON, with Go's wording where it is cheap to match. */
public final class JsonException extends RuntimeException {
  public JsonException(String message) {
    super(message);
  }
}
