package io.jdocker.daemon.api;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A progress stream (pull, push) whose {@code 200} goes out with its first message, as dockerd's
 * write-flusher does: until then a failure can still be an ordinary error response ({@code 404
 * manifest unknown}, {@code 401}), which the docker CLI needs to print "Error response from
 * daemon". Writes may come from several threads (layers download in parallel).
 */
public final class LazyJsonStream implements JsonStream {
  private static final Logger LOG = LoggerFactory.getLogger(LazyJsonStream.class);

  /** The work that reports into the stream. */
  @FunctionalInterface
  public interface Job {
    void run(JsonStream stream) throws Exception;
  }

  private final ApiResponse response;
  private JsonStream stream;
  private boolean broken;

  public LazyJsonStream(ApiResponse response) {
    this.response = response;
  }

  /**
   * Runs {@code job} on a lazy stream. A failure before the first message propagates (the
   * dispatcher answers it through ApiErrors); a later one becomes the stream's last message,
   * {@code {"errorDetail":{"message":..},"error":..}}, and the response still ends normally.
   */
  public static void respond(ApiResponse response, Job job) throws Exception {
    LazyJsonStream stream = new LazyJsonStream(response);
    try {
      job.run(stream);
    } catch (Exception e) {
      if (!stream.started() || stream.broken()) {
        throw e; // an error response, or the client is gone and hears nothing more
      }
      LOG.debug("progress stream failed after it started: {}", e.toString());
      stream.write(ApiErrors.progressError(e));
    }
    stream.close();
  }

  public synchronized boolean started() {
    return stream != null;
  }

  /** Whether a write failed: the client went away. */
  synchronized boolean broken() {
    return broken;
  }

  @Override
  public synchronized void write(Object message) throws IOException {
    try {
      start().write(message);
    } catch (IOException e) {
      broken = true;
      throw e;
    }
  }

  /** Ends the response; one that never had a message is an empty {@code 200} stream. */
  @Override
  public synchronized void close() throws IOException {
    start().close();
  }

  private JsonStream start() {
    if (stream == null) {
      stream = response.jsonStream(200);
    }
    return stream;
  }
}
