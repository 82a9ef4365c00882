package io.jdocker.daemon.api.containers;

import io.jdocker.daemon.logs.LogMessage;
import io.jdocker.daemon.logs.LogSubscriber;
import io.jdocker.daemon.logs.StdStream;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Hands a container's live output from its log writer to the attach handler's thread. Bounded: a
 * client that does not keep up slows the container's output down, as with Docker.
 */
final class AttachQueue implements LogSubscriber {
  private static final LogMessage END = new LogMessage(StdStream.STDOUT, Instant.EPOCH, new byte[0]);
  private final BlockingQueue<LogMessage> queue = new LinkedBlockingQueue<>(1024);
  private volatile boolean ended;

  @Override
  public void onMessage(LogMessage message) {
    try {
      while (!ended && !queue.offer(message, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        // wait for the client, unless it left
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The run ended: the messages queued so far are still delivered. */
  @Override
  public void onClose() {
    onMessage(END);
  }

  /** The client left: nothing more is delivered. */
  void end() {
    ended = true;
    queue.clear();
    queue.offer(END);
  }

  /**
   * The next message and those already waiting behind it, up to about {@code maxBytes}, so the
   * caller sends them in one write; null at the end.
   */
  java.util.List<LogMessage> takeBatch(int maxBytes) throws InterruptedException {
    LogMessage first = take();
    if (first == null) {
      return null;
    }
    java.util.List<LogMessage> batch = new java.util.ArrayList<>();
    batch.add(first);
    int size = first.bytes().length;
    while (size < maxBytes) {
      LogMessage next = queue.poll();
      if (next == null) {
        break;
      }
      if (next == END) {
        queue.offer(END);
        break;
      }
      batch.add(next);
      size += next.bytes().length;
    }
    return batch;
  }

  /** The next message, or null at the end. */
  LogMessage take() throws InterruptedException {
    LogMessage m = queue.take();
    if (m == END) {
      queue.offer(END);
      return null;
    }
    return m;
  }
}
