package io.jdocker.cli.json;

/** A client-side value that knows its JSON form (maps, lists, strings, numbers, booleans). */
public interface JsonValue {
  Object toJson();
}
