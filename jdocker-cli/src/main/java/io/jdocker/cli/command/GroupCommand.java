package io.jdocker.cli.command;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** A management command ({@code image}, {@code system}) that only holds subcommands. */
public final class GroupCommand {
  private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);

  public GroupCommand(String description) {
    spec.usageMessage().description(description).customSynopsis("COMMAND");
    spec.addOption(OptionSpec.builder("--help").usageHelp(true).hidden(true).build());
  }

  public CommandSpec spec() {
    return spec;
  }
}
