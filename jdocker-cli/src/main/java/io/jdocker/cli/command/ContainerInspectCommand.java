package io.jdocker.cli.command;

import java.util.List;

/** {@code container inspect}: containers only. */
public final class ContainerInspectCommand extends ApiCommand {
  private final Flag<String> format = string("-f,--format", "string", Formats.SINGLE);
  private final Flag<Boolean> size = bool("-s,--size", "Display total file sizes");

  public ContainerInspectCommand() {
    super("[OPTIONS] CONTAINER [CONTAINER...]", "Display detailed information on one or more containers");
  }

  @Override
  public Integer call() {
    atLeast(1);
    return new Inspector(client(), List.of(Inspector.Kind.CONTAINER), size.value()).run(args(), format.value(), out(), err());
  }
}
