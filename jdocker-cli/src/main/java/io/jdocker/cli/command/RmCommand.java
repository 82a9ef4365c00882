package io.jdocker.cli.command;

import io.jdocker.cli.client.DaemonException;
import io.jdocker.cli.client.HttpRequest;
import io.jdocker.cli.client.Query;

/** {@code rm}, {@code container rm}: removes each container; with -f a missing one is reported but not a failure. */
public final class RmCommand extends ApiCommand {
  private final Flag<Boolean> force = bool("-f,--force", "Force the removal of a running container (uses SIGKILL)");
  private final Flag<Boolean> link = bool("-l,--link", "Remove the specified link");
  private final Flag<Boolean> volumes = bool("-v,--volumes", "Remove anonymous volumes associated with the container");

  public RmCommand() {
    super("[OPTIONS] CONTAINER [CONTAINER...]", "Remove one or more containers");
  }

  @Override
  public Integer call() {
    atLeast(1);
    Query query = Query.of().flag("force", force.value()).flag("link", link.value()).flag("v", volumes.value());
    boolean failed = false;
    for (String name : args()) {
      String trimmed = name.strip();
      if (trimmed.startsWith("/")) {
        trimmed = trimmed.substring(1);
      }
      try {
        client().json(client().call(HttpRequest.of("DELETE", "/containers/" + trimmed), query));
        out().println(name);
      } catch (DaemonException e) {
        err().println("Error response from daemon: " + e.getMessage());
        failed |= !(force.value() && e.isNotFound());
      }
    }
    return failed ? 1 : 0;
  }
}
