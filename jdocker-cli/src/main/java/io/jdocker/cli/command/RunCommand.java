package io.jdocker.cli.command;

import io.jdocker.cli.CliException;
import java.io.IOException;
import java.util.List;

/** {@code run}, {@code container run}: create, then attach, wait and start as docker does. */
public final class RunCommand extends ApiCommand {
  private final Flag<Boolean> detach = bool("-d,--detach", "Run container in background and print container ID");
  private final Flag<String> detachKeys = string("--detach-keys", "string", "Override the key sequence for detaching a container");
  private final Flag<Boolean> sigProxy = bool("--sig-proxy", "Proxy received signals to the process (default true)", true);
  private final ContainerFlags flags = new ContainerFlags(this);

  public RunCommand() {
    super("[OPTIONS] IMAGE [COMMAND] [ARG...]", "Create and run a new container from an image");
    spec().parser().stopAtPositional(true);
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    CreateBody.Request request = CreateCommand.parse(this, flags, detach.value());
    if (detach.value() && !Flag.all(flags.attach).isEmpty()) {
      throw new CliException("conflicting options: cannot specify both --attach and --detach");
    }
    if (request.tty() && request.stdin() && !env().stdinIsTerminal()) {
      throw new CliException("the input device is not a TTY");
    }
    String id = new ContainerCreator(this, true).create(request, flags.pull.value(), flags.quiet.value());
    ContainerRunner.Attach attach = new ContainerRunner.Attach(request.stdin(), request.stdout(), request.stderr(),
        request.tty(), sigProxy.value(), detachKeys.value());
    String condition = request.autoRemove() ? "removed" : "next-exit";
    return new ContainerRunner(client(), env(), spec()).run(id, attach, condition, request.autoRemove());
  }
}
