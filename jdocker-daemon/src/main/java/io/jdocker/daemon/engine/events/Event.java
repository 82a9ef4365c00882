package io.jdocker.daemon.engine.events;

import java.util.Map;

/**
 * One engine event as {@code GET /events} reports it: type ("image", "container", "network",
 * "volume"), action ("pull", "tag", "untag", "delete", "import", "load", "save", "create", ...),
 * the object's ID and its attributes (e.g. "name" for images).
 */
public record Event(String type, String action, String id, Map<String, String> attributes,
    long timeNano) {
  public static Event now(String type, String action, String id, Map<String, String> attributes) {
    java.time.Instant t = java.time.Instant.now();
    return new Event(type, action, id, Map.copyOf(attributes),
        t.getEpochSecond() * 1_000_000_000L + t.getNano());
  }
}
