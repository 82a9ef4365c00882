package io.jdocker.daemon.api.containers;

import io.jdocker.daemon.api.ApiRequest;
import io.jdocker.daemon.api.ApiResponse;
import io.jdocker.daemon.api.Handler;
import io.jdocker.daemon.logs.LogCursor;
import io.jdocker.daemon.logs.LogFraming;
import io.jdocker.daemon.logs.LogMessage;
import io.jdocker.daemon.logs.LogReadOptions;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;

/**
 * {@code GET /containers/{id}/logs}: multiplexed frames (raw for a TTY) with the 1.42+ content
 * type; with {@code follow} until the container stops or the client leaves.
 */
final class ContainerLogsHandler implements Handler {
  private final ContainersBackend backend;

  ContainerLogsHandler(ContainersBackend backend) {
    this.backend = backend;
  }

  @Override
  public void handle(ApiRequest q, ApiResponse response) throws Exception {
    LogReadOptions options = LogReadOptions.fromQuery(q.queryBool("stdout", false), q.queryBool("stderr", false),
        q.query("tail").orElse(null), q.query("since").orElse(null), q.query("until").orElse(null),
        q.queryBool("follow", false), Instant.now(), ZoneId.systemDefault());
    ContainersBackend.Logs logs = backend.logs(q.pathParam("id"), options);
    LogFraming framing = new LogFraming(logs.tty(), q.queryBool("timestamps", false));
    try (LogCursor cursor = logs.cursor(); OutputStream out = response.stream(200, framing.contentType())) {
      q.onDisconnect(cursor::close);
      for (LogMessage m = cursor.next(); m != null; m = cursor.next()) {
        out.write(framing.encode(m));
        if (options.follow()) {
          out.flush();
        }
      }
    }
  }
}
