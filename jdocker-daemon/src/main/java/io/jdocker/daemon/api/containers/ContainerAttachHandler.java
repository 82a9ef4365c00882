package io.jdocker.daemon.api.containers;

import io.jdocker.daemon.api.ApiRequest;
import io.jdocker.daemon.api.ApiResponse;
import io.jdocker.daemon.api.Handler;
import io.jdocker.daemon.api.Hijack;
import io.jdocker.daemon.logs.LogFraming;
import io.jdocker.daemon.logs.LogMessage;
import io.jdocker.daemon.logs.StdStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * {@code POST /containers/{id}/attach?stream=&stdin=&stdout=&stderr=&logs=}: hijacks the connection
 * and sends the container's output as it is produced (multiplexed frames unless TTY), after its
 * log with {@code logs=1}; closes when the container's run ends. Before the container starts
 * (docker run: create, attach, wait, start) it delivers the next run from its first byte. With
 * {@code stdin=1} and an {@code OpenStdin} container, the client's bytes go to the container's
 * stdin (see {@link StdinTarget} for what the client's EOF does). A client that closes (detach)
 * leaves the container running.
 */
final class ContainerAttachHandler implements Handler {
  /** Bytes sent per write at most: output that piled up goes out in few large writes. */
  static final int BATCH_BYTES = 256 * 1024;
  /** Writing to a full FIFO blocks in the kernel, which pins a virtual thread's carrier. */
  private static final ThreadFactory STDIN_THREADS = Thread.ofPlatform().daemon().name("attach-stdin").factory();

  private final ContainersBackend backend;

  ContainerAttachHandler(ContainersBackend backend) {
    this.backend = backend;
  }

  @Override
  public void handle(ApiRequest q, ApiResponse response) throws Exception {
    String id = q.pathParam("id");
    boolean stdout = q.queryBool("stdout", false);
    boolean stderr = q.queryBool("stderr", false);
    boolean stream = q.queryBool("stream", false);
    boolean tty = backend.inspect(id, false).config().tty(); // 404 before the hijack
    AttachQueue queue = new AttachQueue();
    ContainersBackend.Attachment attachment = backend.attach(id, q.queryBool("logs", false), stream ? queue : null,
        stream && q.queryBool("stdin", false));
    LogFraming framing = new LogFraming(tty, false);
    Thread stdinCopy = null;
    try (Hijack hijack = response.hijack(framing.contentType())) {
      hijack.onClientClosed(queue::end);
      if (attachment.stdin() != null) {
        stdinCopy = STDIN_THREADS.newThread(() -> copyStdin(attachment.stdin(), hijack, queue));
        stdinCopy.start();
      } else {
        hijack.input().close(); // nowhere to go: drop what the client sends
      }
      OutputStream out = hijack.output();
      if (attachment.replay() != null) {
        try (var replay = attachment.replay()) {
          for (LogMessage m = replay.next(); m != null; m = replay.next()) {
            write(out, framing, List.of(m), stdout, stderr);
          }
        }
      }
      if (attachment.subscription() != null) {
        for (List<LogMessage> batch = queue.takeBatch(BATCH_BYTES); batch != null;
            batch = queue.takeBatch(BATCH_BYTES)) {
          write(out, framing, batch, stdout, stderr);
        }
      }
    } catch (IOException e) {
      // the client went away
    } finally {
      if (attachment.subscription() != null) {
        attachment.subscription().close();
      }
      if (stdinCopy != null) {
        stdinCopy.interrupt(); // stops waiting for a start that may never come
      }
    }
  }

  private static void copyStdin(StdinTarget target, Hijack hijack, AttachQueue queue) {
    try {
      if (target.copyFrom(hijack.input())) {
        queue.end();
      }
    } catch (IOException | InterruptedException e) {
      // the client or the container went away; the output side notices on its own
    }
  }

  private static void write(OutputStream out, LogFraming framing, List<LogMessage> batch, boolean stdout,
      boolean stderr) throws IOException {
    ByteArrayOutputStream bytes = null;
    byte[] single = null;
    for (LogMessage m : batch) {
      if (m.stream() == StdStream.STDOUT ? !stdout : !stderr) {
        continue;
      }
      byte[] encoded = framing.encode(m);
      if (single == null && bytes == null) {
        single = encoded;
        continue;
      }
      if (bytes == null) {
        bytes = new ByteArrayOutputStream(Math.min(BATCH_BYTES + 4096, single.length * batch.size() + 64));
        bytes.write(single);
      }
      bytes.write(encoded);
    }
    if (bytes != null) {
      bytes.writeTo(out);
    } else if (single != null) {
      out.write(single);
    }
  }
}
