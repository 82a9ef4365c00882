package io.jdocker.cli.command;

import io.jdocker.cli.CliException;
import io.jdocker.cli.ExitCodes;
import io.jdocker.cli.client.ApiVersion;
import io.jdocker.cli.client.DaemonException;
import io.jdocker.cli.client.HijackedStream;
import io.jdocker.cli.client.HttpRequest;
import io.jdocker.cli.json.JsonWriter;
import io.jdocker.cli.model.JsonFields;
import io.jdocker.cli.tty.WindowSize;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code exec}, docker's sequence: inspect → TTY check → create exec → start (hijacked unless -d)
 * → with a TTY, {@code /exec/{id}/resize} right after the 101 → the exec's ExitCode from
 * {@code GET /exec/{id}/json}. Detaching prints {@code read escape sequence} and exits 1.
 */
public final class ExecCommand extends ApiCommand {
  private final Flag<Boolean> detach = bool("-d,--detach", "Detached mode: run command in the background");
  private final Flag<String> detachKeys = string("--detach-keys", "string", "Override the key sequence for detaching a container");
  private final Flag<List<String>> envs = list("-e,--env", "list", "Set environment variables");
  private final Flag<Boolean> interactive = bool("-i,--interactive", "Keep STDIN open even if not attached");
  private final Flag<Boolean> privileged = bool("--privileged", "Give extended privileges to the command");
  private final Flag<Boolean> tty = bool("-t,--tty", "Allocate a pseudo-TTY");
  private final Flag<String> user = string("-u,--user", "string", "Username or UID (format: \"<name|uid>[:<group|gid>]\")");
  private final Flag<String> workdir = string("-w,--workdir", "string", "Working directory inside the container");

  public ExecCommand() {
    super("[OPTIONS] CONTAINER COMMAND [ARG...]", "Execute a command in a running container");
    spec().parser().stopAtPositional(true);
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    atLeast(2);
    String container = args().getFirst();
    // Inspect first so that "No such container" wins over the TTY check, as in docker.
    client().getJson("/containers/" + container + "/json", null);
    boolean attachStdin = interactive.value() && !detach.value();
    if (tty.value() && attachStdin && !env().stdinIsTerminal()) {
      throw new CliException("the input device is not a TTY");
    }
    // docker sends the console size from 1.42 on, and [0,0] when stdout is not a terminal.
    List<Long> consoleSize = null;
    if (tty.value() && !ApiVersion.lessThan(client().version(), "1.42")) {
      WindowSize size = env().terminal().size();
      consoleSize = List.of((long) size.rows(), (long) size.cols());
    }
    String execId = create(container, attachStdin, consoleSize);
    Map<String, Object> start = new LinkedHashMap<>();
    start.put("Detach", detach.value());
    start.put("Tty", tty.value());
    if (consoleSize != null) {
      start.put("ConsoleSize", consoleSize);
    }
    HttpRequest startRequest = HttpRequest.of("POST", "/exec/" + execId + "/start").withBody(json(start), "application/json");
    if (detach.value()) {
      client().json(client().call(startRequest, null));
      return ExitCodes.OK;
    }
    HijackedStream stream;
    try {
      stream = client().hijack(startRequest, null);
    } catch (DaemonException e) {
      throw new CliException(e.getMessage());
    }
    try (StreamAttachment attachment = StreamAttachment.open(stream, tty.value(), attachStdin, detachKeys.value(), env());
         ResizeMonitor resize = tty.value() && env().stdinIsTerminal()
             ? ResizeMonitor.start(client(), env().terminal(), "/exec/" + execId + "/resize", false, err()) : null) {
      IOException error = attachment.awaitOutput();
      if (error != null) {
        throw new CliException(error.getMessage());
      }
    }
    Map<String, Object> inspect = JsonFields.object(client().getJson("/exec/" + execId + "/json", null));
    return (int) JsonFields.number(inspect, "ExitCode", 0);
  }

  private String create(String container, boolean attachStdin, List<Long> consoleSize) {
    List<String> env = new ArrayList<>();
    Flag.all(envs).forEach(e -> env.add(io.jdocker.cli.container.FlagValues.env(e, env().env()::get)));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("User", user.value() == null ? "" : user.value());
    body.put("Privileged", privileged.value());
    body.put("Tty", tty.value());
    if (consoleSize != null) {
      body.put("ConsoleSize", consoleSize);
    }
    body.put("AttachStdin", attachStdin);
    body.put("AttachStderr", !detach.value());
    body.put("AttachStdout", !detach.value());
    body.put("Detach", detach.value());
    body.put("DetachKeys", detachKeys.value() == null ? "" : detachKeys.value());
    body.put("Env", env.isEmpty() ? null : env);
    body.put("WorkingDir", workdir.value() == null ? "" : workdir.value());
    body.put("Cmd", List.copyOf(args().subList(1, args().size())));
    Map<String, Object> created = JsonFields.object(client().json(client().call(
        HttpRequest.of("POST", "/containers/" + container + "/exec").withBody(json(body), "application/json"), null)));
    return JsonFields.string(created, "Id");
  }

  private static byte[] json(Map<String, Object> body) {
    return (JsonWriter.write(body, "", true) + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
