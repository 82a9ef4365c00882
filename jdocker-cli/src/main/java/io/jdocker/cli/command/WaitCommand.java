package io.jdocker.cli.command;

import io.jdocker.cli.client.DaemonException;
import io.jdocker.cli.client.HttpRequest;
import io.jdocker.cli.model.JsonFields;
import java.util.Map;

/** {@code wait}: blocks until each container stops, printing its exit code. */
public final class WaitCommand extends ApiCommand {
  public WaitCommand() {
    super("CONTAINER [CONTAINER...]", "Block until one or more containers stop, then print their exit codes");
  }

  @Override
  public Integer call() {
    atLeast(1);
    boolean failed = false;
    for (String name : args()) {
      try {
        Map<String, Object> result = JsonFields.object(client().json(client().call(HttpRequest.of("POST", "/containers/" + name + "/wait"), null)));
        String error = JsonFields.string(JsonFields.object(result.get("Error")), "Message");
        if (!error.isEmpty()) {
          err().println(error);
          failed = true;
          continue;
        }
        out().println(JsonFields.number(result, "StatusCode", -1));
      } catch (DaemonException e) {
        err().println("Error response from daemon: " + e.getMessage());
        failed = true;
      }
    }
    return failed ? 1 : 0;
  }
}
