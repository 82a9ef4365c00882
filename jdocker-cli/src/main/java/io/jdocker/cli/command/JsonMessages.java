package io.jdocker.cli.command;

import io.jdocker.cli.CliEnvironment;
import io.jdocker.cli.CliException;
import io.jdocker.cli.client.ApiClient;
import io.jdocker.cli.client.HttpResponse;
import io.jdocker.cli.format.ProgressText;
import io.jdocker.cli.json.JsonReader;
import io.jdocker.cli.model.JsonFields;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Prints a progress stream (pull, push, load, import) as docker's {@code jsonmessage} does. On a
 * terminal each {@code id} with progress owns a line that later updates rewrite in place (cursor up,
 * erase, carriage return, cursor down); elsewhere updates with a byte count are dropped and every
 * other message is printed once. A message without progress ends the block of tracked lines. An
 * {@code errorDetail} ends the command with its message (exit 1); {@code aux} messages are data, not output.
 */
final class JsonMessages {
  /** Where the messages go and whether it is a terminal {@code width} columns wide. */
  record Output(PrintStream out, boolean terminal, int width, Clock clock) {
    static Output stdout(CliEnvironment env) {
      boolean terminal = env.stdoutIsTerminal();
      return new Output(env.out(), terminal, terminal ? env.terminal().size().cols() : 0, env.clock());
    }

    static Output stderr(CliEnvironment env) {
      boolean terminal = env.stderrIsTerminal();
      return new Output(env.err(), terminal, terminal ? env.terminal().size().cols() : 0, env.clock());
    }

    /** docker's {@code -q}: the stream is read (errors still count) but nothing is shown. */
    static Output discard() {
      return new Output(new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8), false, 0,
          Clock.systemUTC());
    }
  }

  private JsonMessages() {}

  static void display(HttpResponse response, Output output) throws IOException {
    PrintStream out = output.out();
    try (response) {
      JsonReader reader = ApiClient.jsonStream(response);
      Map<String, Integer> lines = new HashMap<>();
      while (reader.hasNext()) {
        Map<String, Object> message = JsonFields.object(reader.read());
        if (message.get("aux") != null) {
          continue;
        }
        String id = JsonFields.string(message, "id");
        boolean progress = message.get("progressDetail") instanceof Map<?, ?> || !JsonFields.string(message, "progress").isEmpty();
        int up = 0;
        if (!id.isEmpty() && progress) {
          Integer line = lines.get(id);
          if (line == null) {
            line = lines.size();
            lines.put(id, line);
            if (output.terminal()) {
              out.print("\n");
            }
          }
          up = lines.size() - line;
          if (output.terminal()) {
            out.print("\033[" + up + "A");
          }
        } else {
          // Lines of an earlier block (another tag of pull -a) are never updated again.
          lines.clear();
        }
        String error = show(message, output);
        if (!id.isEmpty() && output.terminal() && up > 0) {
          out.print("\033[" + up + "B");
        }
        out.flush();
        if (error != null) {
          throw new CliException(error);
        }
      }
      out.flush();
    }
  }

  /** One message as {@code JSONMessage.Display}; returns the error it carries, if any. */
  private static String show(Map<String, Object> message, Output output) {
    PrintStream out = output.out();
    if (message.get("errorDetail") instanceof Map<?, ?>) {
      return JsonFields.string(JsonFields.object(message.get("errorDetail")), "message");
    }
    Map<String, Object> detail = message.get("progressDetail") instanceof Map<?, ?> ? JsonFields.object(message.get("progressDetail")) : null;
    String stream = JsonFields.string(message, "stream");
    String status = JsonFields.string(message, "status");
    String legacyProgress = JsonFields.string(message, "progress");
    String endl = "";
    if (output.terminal() && stream.isEmpty() && detail != null) {
      out.print("\033[2K\r");
      endl = "\r";
    } else if (detail != null && !ProgressText.isEmpty(detail)) {
      return null; // no progress bars without a terminal
    }
    String id = JsonFields.string(message, "id");
    if (!id.isEmpty()) {
      out.print(id + ": ");
    }
    String from = JsonFields.string(message, "from");
    if (!from.isEmpty()) {
      out.print("(from " + from + ") ");
    }
    if (detail != null && output.terminal()) {
      out.print(status + " " + ProgressText.render(detail, output.width(), output.clock().instant()) + endl);
    } else if (!legacyProgress.isEmpty()) {
      out.print(status + " " + legacyProgress + endl);
    } else if (!stream.isEmpty()) {
      out.print(stream + endl);
    } else {
      out.print(status + endl + "\n");
    }
    return null;
  }
}
