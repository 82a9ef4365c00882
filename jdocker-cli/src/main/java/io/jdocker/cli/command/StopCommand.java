package io.jdocker.cli.command;

import io.jdocker.cli.client.Query;

/** {@code stop} and {@code restart} (same flags, same request shape). */
public class StopCommand extends ApiCommand {
  private final Flag<String> signal = string("-s,--signal", "string", "Signal to send to the container");
  private final Flag<String> time = string("-t,--timeout,--time", "int", "Seconds to wait before killing the container");
  private final String action;

  public StopCommand() {
    this("stop", "Stop one or more running containers");
  }

  StopCommand(String action, String description) {
    super("[OPTIONS] CONTAINER [CONTAINER...]", description);
    this.action = action;
  }

  @Override
  public Integer call() {
    atLeast(1);
    if (time.value() != null) {
      try {
        Integer.parseInt(time.value());
      } catch (NumberFormatException e) {
        throw new UsageException(spec(), "invalid argument \"" + time.value() + "\" for \"-t, --timeout\" flag: "
            + "strconv.ParseInt: parsing \"" + time.value() + "\": invalid syntax", true);
      }
    }
    Query query = Query.of().put("signal", signal.value()).put("t", time.value());
    return ContainerActions.post(client(), args(), action, query, out(), err());
  }
}
