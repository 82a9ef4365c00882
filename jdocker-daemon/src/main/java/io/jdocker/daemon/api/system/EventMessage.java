package io.jdocker.daemon.api.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jdocker.daemon.engine.events.Event;
import java.util.Map;

/**
 * One line of {@code GET /events}, as dockerd writes it. API 1.44 still carries the deprecated
 * {@code status}/{@code id}/{@code from} for container and image events.
 */
public record EventMessage(
    @JsonProperty("status") @JsonInclude(JsonInclude.Include.NON_EMPTY) String status,
    @JsonProperty("id") @JsonInclude(JsonInclude.Include.NON_EMPTY) String id,
    @JsonProperty("from") @JsonInclude(JsonInclude.Include.NON_EMPTY) String from,
    @JsonProperty("Type") String type,
    @JsonProperty("Action") String action,
    @JsonProperty("Actor") Actor actor,
    @JsonProperty("scope") String scope,
    @JsonProperty("time") long time,
    @JsonProperty("timeNano") long timeNano) {

  public record Actor(@JsonProperty("ID") String id, @JsonProperty("Attributes") Map<String, String> attributes) {}

  public static EventMessage of(Event event) {
    boolean container = event.type().equals("container");
    boolean legacy = container || event.type().equals("image");
    return new EventMessage(
        legacy ? event.action() : null,
        legacy ? event.id() : null,
        container ? event.attributes().get("image") : null,
        event.type(),
        event.action(),
        new Actor(event.id(), new java.util.TreeMap<>(event.attributes())),
        "local",
        event.timeNano() / 1_000_000_000L,
        event.timeNano());
  }
}
