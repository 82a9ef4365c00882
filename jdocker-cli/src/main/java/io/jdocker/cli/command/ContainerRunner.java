package io.jdocker.cli.command;

import io.jdocker.cli.CliEnvironment;
import io.jdocker.cli.CliException;
import io.jdocker.cli.ExitCodes;
import io.jdocker.cli.client.ApiClient;
import io.jdocker.cli.client.DaemonException;
import io.jdocker.cli.client.HijackedStream;
import io.jdocker.cli.client.HttpRequest;
import io.jdocker.cli.client.HttpResponse;
import io.jdocker.cli.client.Query;
import io.jdocker.cli.model.JsonFields;
import io.jdocker.cli.tty.EscapeSequenceException;
import java.io.IOException;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * docker run's sequence after create, which the daemon relies on: attach (hijacked, 101) →
 * wait (its headers read before going on) → start → output until the stream closes → the wait
 * result's StatusCode. Also serves {@code start -a}.
 */
final class ContainerRunner {
  /** What to attach and how. */
  record Attach(boolean stdin, boolean stdout, boolean stderr, boolean tty, boolean sigProxy, String detachKeys) {
    boolean any() {
      return stdin || stdout || stderr;
    }
  }

  private final ApiClient client;
  private final CliEnvironment env;
  private final CommandSpec spec;

  ContainerRunner(ApiClient client, CliEnvironment env, CommandSpec spec) {
    this.client = client;
    this.env = env;
    this.spec = spec;
  }

  /**
   * Runs the sequence for container {@code id}; {@code condition} is next-exit or removed. Returns
   * the exit status, or prints the ID and returns 0 when nothing is attached (run -d).
   */
  int run(String id, Attach attach, String condition, boolean autoRemove) throws IOException, InterruptedException {
    StreamAttachment attachment = attach.any() ? attach(id, attach) : null;
    try {
      ApiClient waiter = client.fork();
      HttpResponse wait = null;
      DaemonException waitError = null;
      try {
        wait = waiter.call(HttpRequest.of("POST", "/containers/" + id + "/wait"), Query.of().put("condition", condition));
      } catch (DaemonException e) {
        waitError = e;
      }
      try {
        client.json(client.call(HttpRequest.of("POST", "/containers/" + id + "/start"), null));
      } catch (DaemonException e) {
        if (autoRemove && wait != null) {
          closeQuietly(wait);
        }
        throw RunErrors.start(spec, e.getMessage());
      }
      if (attachment == null) {
        env.out().println(id);
        return ExitCodes.OK;
      }
      try (SignalProxy proxy = attach.sigProxy() && !attach.tty() ? new SignalProxy(client, id) : null;
           ResizeMonitor resize = attach.tty()
               ? ResizeMonitor.start(client, env.terminal(), "/containers/" + id + "/resize", false, env.err()) : null) {
        IOException streamError = attachment.awaitOutput();
        if (streamError instanceof EscapeSequenceException) {
          waiter.close();
          return ExitCodes.OK;
        }
        if (streamError != null) {
          env.err().println(streamError.getMessage());
          return ExitCodes.CLI_ERROR;
        }
      }
      return status(waiter, wait, waitError);
    } finally {
      if (attachment != null) {
        attachment.close();
      }
    }
  }

  /** The hijacked attach; a refused upgrade ends the CLI with the Go client's message and status 1. */
  StreamAttachment attach(String id, Attach attach) {
    Query query = Query.of().put("stream", "1").flag("stdin", attach.stdin()).flag("stdout", attach.stdout())
        .flag("stderr", attach.stderr()).put("detachKeys", attach.detachKeys());
    HijackedStream stream;
    try {
      stream = client.hijack(HttpRequest.of("POST", "/containers/" + id + "/attach"), query);
    } catch (DaemonException e) {
      throw new CliException(e.getMessage());
    }
    return StreamAttachment.open(stream, attach.tty(), attach.stdin(), attach.detachKeys(), env);
  }

  /** The wait result's StatusCode; 125 with docker's log line when waiting failed. */
  private int status(ApiClient waiter, HttpResponse wait, DaemonException waitError) {
    if (waitError != null) {
      env.err().println("Error waiting for container: " + waitError.getMessage());
      return ExitCodes.CLI_ERROR;
    }
    try {
      Map<String, Object> result = JsonFields.object(waiter.json(wait));
      Map<String, Object> error = JsonFields.object(result.get("Error"));
      if (!JsonFields.string(error, "Message").isEmpty()) {
        env.err().println("Error waiting for container: " + JsonFields.string(error, "Message"));
        return ExitCodes.CLI_ERROR;
      }
      return (int) JsonFields.number(result, "StatusCode", ExitCodes.CLI_ERROR);
    } catch (RuntimeException e) {
      env.err().println("Error waiting for container: " + e.getMessage());
      return ExitCodes.CLI_ERROR;
    } finally {
      waiter.close();
    }
  }

  private static void closeQuietly(HttpResponse response) {
    try {
      response.close();
    } catch (IOException e) {
      // the removal we waited for is best effort
    }
  }
}
