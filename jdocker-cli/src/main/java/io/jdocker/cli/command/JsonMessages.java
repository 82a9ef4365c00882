package io.jdocker.cli.command;

import io.jdocker.cli.CliException;
import io.jdocker.cli.client.ApiClient;
import io.jdocker.cli.client.HttpResponse;
import io.jdocker.cli.json.JsonReader;
import io.jdocker.cli.model.JsonFields;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;

/**
 * Prints a progress stream ({@code {"stream":…}}, {@code {"status":…}}, {@code {"error":…}}) like
 * docker's jsonmessage: on a terminal progress updates rewrite the current line, elsewhere they are
 * dropped and only the finished lines remain. An error message ends the command with exit 1.
 */
final class JsonMessages {
  private JsonMessages() {}

  static void display(HttpResponse response, PrintStream out) throws IOException {
    display(response, out, false);
  }

  static void display(HttpResponse response, PrintStream out, boolean terminal) throws IOException {
    boolean midLine = false;
    try (response) {
      JsonReader reader = ApiClient.jsonStream(response);
      while (reader.hasNext()) {
        Map<String, Object> message = JsonFields.object(reader.read());
        Map<String, Object> detail = JsonFields.object(message.get("errorDetail"));
        String error = JsonFields.string(detail, "message");
        if (error.isEmpty()) {
          error = JsonFields.string(message, "error");
        }
        if (!error.isEmpty()) {
          throw new CliException(error);
        }
        String progress = JsonFields.string(message, "progress");
        boolean update = !JsonFields.object(message.get("progressDetail")).isEmpty() || !progress.isEmpty();
        if (midLine && !update) {
          out.println();
          midLine = false;
        }
        if (message.get("stream") instanceof String stream) {
          out.print(stream);
        } else if (message.get("status") instanceof String status) {
          String id = JsonFields.string(message, "id");
          String line = (id.isEmpty() ? status : id + ": " + status) + (progress.isEmpty() ? "" : " " + progress);
          if (!update) {
            out.println(line);
          } else if (terminal) {
            out.print("\r\033[2K" + line);
            midLine = true;
          }
        }
        out.flush();
      }
      if (midLine) {
        out.println();
      }
      out.flush();
    }
  }
}
