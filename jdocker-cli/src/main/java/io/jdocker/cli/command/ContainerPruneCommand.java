package io.jdocker.cli.command;

import io.jdocker.cli.client.HttpRequest;
import io.jdocker.cli.client.Query;
import io.jdocker.cli.format.Units;
import io.jdocker.cli.model.JsonFields;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code container prune}: asks first unless -f, then lists what was deleted and the space reclaimed. */
public final class ContainerPruneCommand extends ApiCommand {
  private final Flag<List<String>> filters = list("--filter", "filter", "Provide filter values (e.g. \"until=<timestamp>\")");
  private final Flag<Boolean> force = bool("-f,--force", "Do not prompt for confirmation");

  public ContainerPruneCommand() {
    super("[OPTIONS]", "Remove all stopped containers");
  }

  @Override
  public Integer call() throws IOException {
    noArgs();
    if (!force.value()) {
      out().print("WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ");
      out().flush();
      String answer = new BufferedReader(new InputStreamReader(env().in(), StandardCharsets.UTF_8)).readLine();
      String a = answer == null ? "" : answer.strip().toLowerCase(Locale.ROOT);
      if (!a.equals("y") && !a.equals("yes")) {
        return 0;
      }
    }
    Query query = Query.of().put("filters", Filters.parse(Flag.all(filters), spec()).toQueryValue());
    Map<String, Object> report = JsonFields.object(client().json(client().call(HttpRequest.of("POST", "/containers/prune"), query)));
    List<String> deleted = JsonFields.strings(report, "ContainersDeleted");
    if (!deleted.isEmpty()) {
      out().println("Deleted Containers:");
      deleted.forEach(out()::println);
      out().println();
    }
    out().println("Total reclaimed space: " + Units.humanSize(JsonFields.number(report, "SpaceReclaimed", 0)));
    return 0;
  }
}
