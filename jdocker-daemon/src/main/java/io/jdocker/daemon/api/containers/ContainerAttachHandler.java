package io.jdocker.daemon.api.containers;

import io.jdocker.daemon.api.ApiRequest;
import io.jdocker.daemon.api.ApiResponse;
import io.jdocker.daemon.api.Handler;
import io.jdocker.daemon.api.Hijack;
import io.jdocker.daemon.logs.LogFraming;
import io.jdocker.daemon.logs.LogMessage;
import io.jdocker.daemon.logs.StdStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * {@code POST /containers/{id}/attach?stream=&stdout=&stderr=&logs=}: hijacks the connection and
 * sends the container's output (multiplexed frames unless TTY), after its log with {@code logs=1};
 * closes when the container's run ends. Before the container starts (docker run: create, attach,
 * wait, start) it delivers the next run from its first byte.
 */
final class ContainerAttachHandler implements Handler {
  private final ContainersBackend backend;

  ContainerAttachHandler(ContainersBackend backend) {
    this.backend = backend;
  }

  @Override
  public void handle(ApiRequest q, ApiResponse response) throws Exception {
    String id = q.pathParam("id");
    boolean stdout = q.queryBool("stdout", false);
    boolean stderr = q.queryBool("stderr", false);
    boolean tty = backend.inspect(id, false).config().tty(); // 404 before the hijack
    AttachQueue queue = new AttachQueue();
    ContainersBackend.Attachment attachment =
        backend.attach(id, q.queryBool("logs", false), q.queryBool("stream", false) ? queue : null);
    LogFraming framing = new LogFraming(tty, false);
    try (Hijack hijack = response.hijack(framing.contentType())) {
      hijack.input().close(); // stdin is not connected yet: drop what the client sends
      hijack.onClientClosed(queue::end);
      OutputStream out = hijack.output();
      if (attachment.replay() != null) {
        try (var replay = attachment.replay()) {
          for (LogMessage m = replay.next(); m != null; m = replay.next()) {
            write(out, framing, m, stdout, stderr);
          }
        }
      }
      if (attachment.subscription() != null) {
        for (LogMessage m = queue.take(); m != null; m = queue.take()) {
          write(out, framing, m, stdout, stderr);
        }
      }
    } catch (IOException e) {
      // the client went away
    } finally {
      if (attachment.subscription() != null) {
        attachment.subscription().close();
      }
    }
  }

  private static void write(OutputStream out, LogFraming framing, LogMessage m, boolean stdout, boolean stderr)
      throws IOException {
    if (m.stream() == StdStream.STDOUT ? stdout : stderr) {
      out.write(framing.encode(m));
    }
  }
}
