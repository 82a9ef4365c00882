package io.jdocker.cli.command;

import io.jdocker.cli.client.ApiVersion;
import io.jdocker.cli.tty.WindowSize;

/** {@code create}, {@code container create}: prints the new container's ID. */
public final class CreateCommand extends ApiCommand {
  private final ContainerFlags flags = new ContainerFlags(this);

  public CreateCommand() {
    super("[OPTIONS] IMAGE [COMMAND] [ARG...]", "Create a new container");
    spec().parser().stopAtPositional(true);
  }

  @Override
  public Integer call() {
    CreateBody.Request request = parse(this, flags, false);
    out().println(new ContainerCreator(this, false).create(request, flags.pull.value(), flags.quiet.value()));
    return 0;
  }

  /**
   * stdout's terminal size; zero when it is not a terminal, and, as the Go client does, when a
   * linux platform is given below API 1.42 (the daemon would not honour it).
   */
  private static WindowSize consoleSize(ApiCommand command, ContainerFlags flags) {
    String platform = flags.platform.value();
    if (platform != null && platform.startsWith("linux") && ApiVersion.lessThan(command.client().version(), "1.42")) {
      return WindowSize.NONE;
    }
    return command.env().terminal().size();
  }

  /** Flag values first (a bad value is a usage error, exit 125), then the argument count. */
  static CreateBody.Request parse(ApiCommand command, ContainerFlags flags, boolean detach) {
    if (command.args().isEmpty()) {
      command.atLeast(1);
    }
    try {
      return CreateBody.build(flags, command.args(), detach, command.env().env()::get, consoleSize(command, flags));
    } catch (CreateBody.FlagError e) {
      throw new UsageException(command.spec(), e.getMessage(), true);
    } catch (IllegalArgumentException e) {
      throw RunErrors.report(command.spec(), e.getMessage(), 125);
    }
  }
}
