package io.jdocker.cli.command;

import io.jdocker.cli.client.HttpRequest;
import io.jdocker.cli.client.HttpResponse;
import io.jdocker.cli.client.Query;
import io.jdocker.cli.client.StreamDemuxer;
import io.jdocker.cli.model.JsonFields;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/** {@code logs}: reads {@code Config.Tty} first, then copies raw (TTY) or demultiplexed output. */
public final class LogsCommand extends ApiCommand {
  private final Flag<Boolean> details = bool("--details", "Show extra details provided to logs");
  private final Flag<Boolean> follow = bool("-f,--follow", "Follow log output");
  private final Flag<String> since = string("--since", "string",
      "Show logs since timestamp (e.g. \"2013-01-02T13:23:37Z\") or relative (e.g. \"42m\" for 42 minutes)");
  private final Flag<String> tail = string("-n,--tail", "string", "Number of lines to show from the end of the logs (default \"all\")");
  private final Flag<Boolean> timestamps = bool("-t,--timestamps", "Show timestamps");
  private final Flag<String> until = string("--until", "string",
      "Show logs before a timestamp (e.g. \"2013-01-02T13:23:37Z\") or relative (e.g. \"42m\" for 42 minutes)");

  public LogsCommand() {
    super("[OPTIONS] CONTAINER", "Fetch the logs of a container");
  }

  @Override
  public Integer call() throws IOException {
    exactly(1);
    Map<String, Object> container = JsonFields.object(client().getJson("/containers/" + args().getFirst() + "/json", null));
    boolean tty = JsonFields.bool(JsonFields.object(container.get("Config")), "Tty");
    Instant now = env().clock().instant();
    Query query = Query.of().put("stdout", "1").put("stderr", "1").flag("follow", follow.value())
        .flag("timestamps", timestamps.value()).flag("details", details.value())
        .put("tail", tail.value() == null ? "all" : tail.value())
        .put("since", since.value() == null ? null : Timestamps.get(since.value(), now, env().zone()))
        .put("until", until.value() == null ? null : Timestamps.get(until.value(), now, env().zone()));
    String id = JsonFields.string(container, "Id");
    try (HttpResponse logs = client().call(HttpRequest.of("GET", "/containers/" + id + "/logs"), query)) {
      if (tty) {
        logs.body().transferTo(out());
      } else {
        StreamDemuxer.copy(logs.body(), out(), err());
      }
    }
    out().flush();
    return 0;
  }
}
