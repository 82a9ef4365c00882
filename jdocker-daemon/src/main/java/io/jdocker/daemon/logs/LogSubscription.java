package io.jdocker.daemon.logs;

/** A live subscription to a {@link JsonFileLogWriter}; closing it stops delivery. */
public interface LogSubscription extends AutoCloseable {
  @Override
  void close();
}
