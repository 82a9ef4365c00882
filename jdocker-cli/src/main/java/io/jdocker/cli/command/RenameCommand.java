package io.jdocker.cli.command;

import io.jdocker.cli.CliException;
import io.jdocker.cli.client.DaemonException;
import io.jdocker.cli.client.HttpRequest;
import io.jdocker.cli.client.Query;

/** {@code rename OLD NEW}. */
public final class RenameCommand extends ApiCommand {
  public RenameCommand() {
    super("CONTAINER NEW_NAME", "Rename a container");
  }

  @Override
  public Integer call() {
    exactly(2);
    String oldName = args().get(0).strip();
    String newName = args().get(1).strip();
    if (oldName.isEmpty() || newName.isEmpty()) {
      throw new CliException("Error: Neither old nor new names may be empty");
    }
    try {
      client().json(client().call(HttpRequest.of("POST", "/containers/" + oldName + "/rename"), Query.of().put("name", newName)));
    } catch (DaemonException e) {
      throw new CliException("Error response from daemon: " + e.getMessage() + "\nError: failed to rename container named " + oldName);
    }
    return 0;
  }
}
