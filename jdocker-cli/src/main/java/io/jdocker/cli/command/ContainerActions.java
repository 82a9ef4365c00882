package io.jdocker.cli.command;

import io.jdocker.cli.client.ApiClient;
import io.jdocker.cli.client.DaemonException;
import io.jdocker.cli.client.HttpRequest;
import io.jdocker.cli.client.Query;
import java.io.PrintStream;
import java.util.List;

/**
 * docker's pattern for commands over several containers: act on each in turn, print each name as
 * given on success, print every failure as "Error response from daemon: …", exit 1 if any failed.
 */
final class ContainerActions {
  private ContainerActions() {}

  /** {@code POST /containers/{name}/{action}?query} for each name. */
  static int post(ApiClient client, List<String> names, String action, Query query, PrintStream out, PrintStream err) {
    List<String> failed = new java.util.ArrayList<>();
    for (String name : names) {
      try {
        client.json(client.call(HttpRequest.of("POST", "/containers/" + name + "/" + action), query));
        out.println(name);
      } catch (DaemonException e) {
        err.println("Error response from daemon: " + e.getMessage());
        failed.add(name);
      }
    }
    if (!failed.isEmpty() && action.equals("start")) {
      err.println("Error: failed to start containers: " + String.join(", ", failed));
    }
    return failed.isEmpty() ? 0 : 1;
  }
}
