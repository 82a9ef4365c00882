package io.jdocker.cli.command;

import io.jdocker.cli.config.Registries;
import java.util.List;

/**
 * {@code logout}: removes a registry's entry from docker's config file, under each name older
 * CLIs may have stored it with. Needs no daemon.
 */
public final class LogoutCommand extends ApiCommand {
  public LogoutCommand() {
    super("[SERVER]", "Log out from a registry",
        "Log out from a registry.\nIf no server is specified, the default is defined by the daemon.");
  }

  @Override
  public Integer call() {
    String server = atMost(1).isEmpty() ? "" : args().getFirst();
    List<String> keys;
    String shown;
    if (server.isEmpty()) {
      shown = Registries.INDEX_SERVER;
      keys = List.of(shown);
    } else {
      shown = Registries.hostname(server);
      keys = List.of(server, shown, "http://" + shown, "https://" + shown);
    }
    out().println("Removing login credentials for " + shown);
    dockerConfig().erase(keys);
    return 0;
  }
}
