package io.jdocker.cli.command;

import io.jdocker.cli.client.ApiClient;
import io.jdocker.cli.client.HttpRequest;
import io.jdocker.cli.client.HttpResponse;
import io.jdocker.cli.client.Query;
import io.jdocker.cli.format.EventLine;
import io.jdocker.cli.format.MissingKey;
import io.jdocker.cli.format.Template;
import io.jdocker.cli.format.TemplateException;
import io.jdocker.cli.json.JsonReader;
import io.jdocker.cli.model.JsonFields;
import java.io.IOException;
import java.util.List;

/** {@code events}, {@code system events}: one line (or template) per event until the stream ends. */
public final class EventsCommand extends ApiCommand {
  private final Flag<List<String>> filters = list("-f,--filter", "filter", "Filter output based on conditions provided");
  private final Flag<String> formatFlag = string("--format", "string", Formats.SINGLE);
  private final Flag<String> since = string("--since", "string", "Show all events created since timestamp");
  private final Flag<String> until = string("--until", "string", "Stream events until this timestamp");

  public EventsCommand() {
    super("[OPTIONS]", "Get real time events from the server");
  }

  /** Docker's events.Message always has an Actor with (possibly empty) Attributes. */
  private static java.util.Map<String, Object> withActor(java.util.Map<String, Object> event) {
    java.util.Map<String, Object> copy = new java.util.LinkedHashMap<>(event);
    java.util.Map<String, Object> actor = new java.util.LinkedHashMap<>(JsonFields.object(event.get("Actor")));
    actor.putIfAbsent("ID", "");
    actor.put("Attributes", new java.util.LinkedHashMap<>(JsonFields.object(actor.get("Attributes"))));
    copy.put("Actor", actor);
    return copy;
  }

  @Override
  public Integer call() throws IOException {
    noArgs();
    String format = formatFlag.value();
    Template template = null;
    if (format != null && !format.isEmpty()) {
      String text = format.equals("json") ? "{{json .}}" : format;
      try {
        template = Template.parse("", text, MissingKey.EMPTY);
      } catch (TemplateException e) {
        throw new io.jdocker.cli.CliException("template parsing error: " + e.getMessage());
      }
    }
    var now = env().clock().instant();
    Query query = Query.of()
        .put("since", Timestamps.get(since.value(), now, env().zone()))
        .put("until", Timestamps.get(until.value(), now, env().zone()))
        .put("filters", Filters.parse(Flag.all(filters), spec()).toQueryValue());
    try (HttpResponse response = client().call(HttpRequest.of("GET", "/events"), query)) {
      JsonReader reader = ApiClient.jsonStream(response);
      while (reader.hasNext()) {
        java.util.Map<String, Object> event = withActor(JsonFields.object(reader.read()));
        out().println(template == null ? EventLine.format(event, env().zone()) : template.execute(event));
        out().flush();
      }
    }
    return 0;
  }
}
