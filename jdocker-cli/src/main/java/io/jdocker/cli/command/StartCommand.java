package io.jdocker.cli.command;

import io.jdocker.cli.CliException;
import io.jdocker.cli.model.JsonFields;
import java.io.IOException;
import java.util.Map;

/** {@code start}: starts each container; with -a/-i attaches to one as {@code run} does. */
public final class StartCommand extends ApiCommand {
  private final Flag<Boolean> attach = bool("-a,--attach", "Attach STDOUT/STDERR and forward signals");
  private final Flag<String> detachKeys = string("--detach-keys", "string", "Override the key sequence for detaching a container");
  private final Flag<Boolean> interactive = bool("-i,--interactive", "Attach container's STDIN");

  public StartCommand() {
    super("[OPTIONS] CONTAINER [CONTAINER...]", "Start one or more stopped containers");
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    atLeast(1);
    if (!attach.value() && !interactive.value()) {
      return ContainerActions.post(client(), args(), "start", null, out(), err());
    }
    if (args().size() > 1) {
      throw new CliException("you cannot start and attach multiple containers at once");
    }
    Map<String, Object> container = JsonFields.object(client().getJson("/containers/" + args().getFirst() + "/json", null));
    Map<String, Object> config = JsonFields.object(container.get("Config"));
    boolean tty = JsonFields.bool(config, "Tty");
    boolean stdin = interactive.value() && JsonFields.bool(config, "OpenStdin");
    ContainerRunner.Attach streams = new ContainerRunner.Attach(stdin, true, true, tty, true, detachKeys.value());
    return new ContainerRunner(client(), env(), spec()).run(JsonFields.string(container, "Id"), streams, "next-exit", false);
  }
}
