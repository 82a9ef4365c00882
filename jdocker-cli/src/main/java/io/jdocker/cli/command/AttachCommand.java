package io.jdocker.cli.command;

import io.jdocker.cli.CliException;
import io.jdocker.cli.ExitCodes;
import io.jdocker.cli.client.ApiClient;
import io.jdocker.cli.client.HttpRequest;
import io.jdocker.cli.client.HttpResponse;
import io.jdocker.cli.model.JsonFields;
import java.io.IOException;
import java.util.Map;

/** {@code attach}: wait (headers first) → inspect → attach; exits with the container's code. */
public final class AttachCommand extends ApiCommand {
  private final Flag<String> detachKeys = string("--detach-keys", "string", "Override the key sequence for detaching a container");
  private final Flag<Boolean> noStdin = bool("--no-stdin", "Do not attach STDIN");
  private final Flag<Boolean> sigProxy = bool("--sig-proxy", "Proxy all received signals to the process (default true)", true);

  public AttachCommand() {
    super("[OPTIONS] CONTAINER", "Attach local standard input, output, and error streams to a running container");
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    exactly(1);
    String name = args().getFirst();
    Map<String, Object> container = JsonFields.object(client().getJson("/containers/" + name + "/json", null));
    Map<String, Object> state = JsonFields.object(container.get("State"));
    if (!JsonFields.bool(state, "Running")) {
      throw new CliException("You cannot attach to a stopped container, start it first");
    }
    if (JsonFields.bool(state, "Paused")) {
      throw new CliException("You cannot attach to a paused container, unpause it first");
    }
    if (JsonFields.bool(state, "Restarting")) {
      throw new CliException("You cannot attach to a restarting container, wait until it is running");
    }
    Map<String, Object> config = JsonFields.object(container.get("Config"));
    boolean tty = JsonFields.bool(config, "Tty");
    boolean stdin = !noStdin.value() && JsonFields.bool(config, "OpenStdin");
    String id = JsonFields.string(container, "Id");
    ApiClient waiter = client().fork();
    HttpResponse wait = waiter.call(HttpRequest.of("POST", "/containers/" + id + "/wait"), null);
    ContainerRunner runner = new ContainerRunner(client(), env(), spec());
    ContainerRunner.Attach streams = new ContainerRunner.Attach(stdin, true, true, tty, sigProxy.value(), detachKeys.value());
    try (StreamAttachment attachment = runner.attach(id, streams);
         TerminalMode terminal = tty && stdin ? TerminalMode.rawIfTerminal(env()) : TerminalMode.NONE;
         SignalProxy proxy = sigProxy.value() && !tty ? new SignalProxy(client(), id) : null) {
      if (tty) {
        terminal.resize(client(), "/containers/" + id + "/resize");
      }
      IOException error = attachment.awaitOutput();
      if (error != null) {
        err().println(error.getMessage());
        return ExitCodes.FAILURE;
      }
    }
    Map<String, Object> result = JsonFields.object(waiter.json(wait));
    waiter.close();
    return (int) JsonFields.number(result, "StatusCode", 0);
  }
}
