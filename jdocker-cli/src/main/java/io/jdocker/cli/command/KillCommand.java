package io.jdocker.cli.command;

import io.jdocker.cli.client.Query;

/** {@code kill}: {@code POST /containers/{id}/kill?signal=…}. */
public final class KillCommand extends ApiCommand {
  private final Flag<String> signal = string("-s,--signal", "string", "Signal to send to the container");

  public KillCommand() {
    super("[OPTIONS] CONTAINER [CONTAINER...]", "Kill one or more running containers");
  }

  @Override
  public Integer call() {
    atLeast(1);
    return ContainerActions.post(client(), args(), "kill", Query.of().put("signal", signal.value()), out(), err());
  }
}
