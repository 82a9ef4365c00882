package io.jdocker.cli.command;

import io.jdocker.cli.CliException;
import io.jdocker.cli.ExitCodes;
import io.jdocker.cli.client.ApiClient;
import io.jdocker.cli.client.HttpRequest;
import io.jdocker.cli.client.HttpResponse;
import io.jdocker.cli.model.JsonFields;
import java.io.IOException;
import java.util.Map;

/**
 * {@code attach}, docker's sequence: wait (headers first) → inspect and state check → attach (101)
 * → inspect again → for a TTY, resize to rows+1/cols+1 then the real size. Exits with the
 * container's code; detaching prints {@code read escape sequence} and exits 1 as docker does.
 */
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
    client().version();
    ApiClient waiter = client().fork();
    try {
      HttpResponse wait = waiter.call(HttpRequest.of("POST", "/containers/" + name + "/wait"), null);
      Map<String, Object> container = inspectRunning(name);
      boolean tty = JsonFields.bool(JsonFields.object(container.get("Config")), "Tty");
      boolean stdin = !noStdin.value() && JsonFields.bool(JsonFields.object(container.get("Config")), "OpenStdin");
      String id = JsonFields.string(container, "Id");
      ContainerRunner runner = new ContainerRunner(client(), env(), spec());
      ContainerRunner.Attach streams = new ContainerRunner.Attach(stdin, true, true, tty, sigProxy.value(), detachKeys.value());
      try (SignalProxy proxy = sigProxy.value() && !tty ? new SignalProxy(client(), id) : null;
           StreamAttachment attachment = runner.attach(name, streams)) {
        inspectRunning(name);
        try (ResizeMonitor resize = tty
            ? ResizeMonitor.start(client(), env().terminal(), "/containers/" + name + "/resize", true, err()) : null) {
          IOException error = attachment.awaitOutput();
          if (error != null) {
            throw new CliException(error.getMessage());
          }
        }
      }
      return status(JsonFields.object(waiter.json(wait)));
    } finally {
      waiter.close();
    }
  }

  /** docker's inspectContainerAndCheckState. */
  private Map<String, Object> inspectRunning(String name) {
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
    return container;
  }

  private int status(Map<String, Object> result) {
    Map<String, Object> error = JsonFields.object(result.get("Error"));
    if (!JsonFields.string(error, "Message").isEmpty()) {
      throw new CliException(JsonFields.string(error, "Message"));
    }
    return (int) JsonFields.number(result, "StatusCode", ExitCodes.OK);
  }
}
