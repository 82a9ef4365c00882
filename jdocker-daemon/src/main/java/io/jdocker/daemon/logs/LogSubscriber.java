package io.jdocker.daemon.logs;

/**
 * Receives each message right after it has been appended to the log file, in file order. Called
 * with the log file's lock held, on the copying thread: hand the message off (e.g. a Netty
 * write) and return; a subscriber that blocks holds up the container's output, as a slow {@code
 * attach} client does in Docker. A subscriber that throws is unsubscribed.
 */
public interface LogSubscriber {
  void onMessage(LogMessage message);

  /** The writer has closed: both streams have drained and no message will follow. */
  default void onClose() {}
}
