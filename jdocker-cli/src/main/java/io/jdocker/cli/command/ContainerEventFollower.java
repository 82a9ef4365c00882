package io.jdocker.cli.command;

import io.jdocker.cli.client.ApiClient;
import io.jdocker.cli.client.CannotConnectException;
import io.jdocker.cli.client.DaemonException;
import io.jdocker.cli.client.HttpRequest;
import io.jdocker.cli.client.HttpResponse;
import io.jdocker.cli.client.Query;
import io.jdocker.cli.json.JsonReader;
import io.jdocker.cli.model.JsonFields;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Container events ({@code GET /events?filters={"type":{"container":true}}}) read on a connection
 * and thread of their own, handed to a callback as (action, container ID). {@code docker stats}
 * without arguments follows them to add started containers and drop dead ones.
 */
final class ContainerEventFollower implements AutoCloseable {
  private final ApiClient client;
  private final BiConsumer<String, String> onEvent;
  private volatile boolean ended;
  private volatile String endError;
  private volatile boolean closed;

  ContainerEventFollower(ApiClient client, BiConsumer<String, String> onEvent) {
    this.client = client;
    this.onEvent = onEvent;
  }

  void start() {
    Thread.ofPlatform().daemon().name("container events").start(this::follow);
  }

  private void follow() {
    Query query = Query.of().put("filters", new Filters().add("type", "container").toQueryValue());
    try {
      HttpResponse response = client.call(HttpRequest.of("GET", "/events"), query);
      JsonReader events = ApiClient.jsonStream(response);
      while (!closed && events.hasNext()) {
        Map<String, Object> event = JsonFields.object(events.read());
        String id = JsonFields.string(JsonFields.object(event.get("Actor")), "ID");
        onEvent.accept(JsonFields.string(event, "Action"), id.isEmpty() ? JsonFields.string(event, "id") : id);
      }
      // docker 28 reports the decoder's io.EOF when the daemon ends the stream cleanly
      endError = "EOF";
    } catch (DaemonException e) {
      endError = "Error response from daemon: " + e.getMessage();
    } catch (CannotConnectException e) {
      endError = e.getMessage();
    } catch (Exception e) {
      // A stream cut short (the daemon restarting): docker ends quietly.
    } finally {
      ended = true;
    }
  }

  /** Whether the stream is over (ended, broken, refused or closed). */
  boolean ended() {
    return ended;
  }

  /** Once {@link #ended}: the error docker would print, or null when it would end quietly. */
  String endError() {
    return closed ? null : endError;
  }

  @Override
  public void close() {
    closed = true;
    client.close();
  }
}
