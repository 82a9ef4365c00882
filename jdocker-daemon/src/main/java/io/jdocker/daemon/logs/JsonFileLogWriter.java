package io.jdocker.daemon.logs;

import java.io.IOException;
import java.io.InputStream;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/**
 * Docker's json-file log driver for one container run: copies the container's stdout and stderr
 * (or its single TTY stream, logged as stdout) into {@code <id>-json.log}, rotating by {@link
 * LogConfig}, and hands every message to live {@link LogSubscriber}s. Readers get the live part
 * through {@link LogReader#open}. Closing waits until every copied stream has reached its end.
 */
public final class JsonFileLogWriter implements AutoCloseable {
  private final LogFiles files;
  private final LogFileAppender appender;
  private final ThreadFactory threads;
  private final List<Thread> pumps = new ArrayList<>();

  private JsonFileLogWriter(LogFiles files, LogFileAppender appender, ThreadFactory threads) {
    this.files = files;
    this.appender = appender;
    this.threads = threads;
  }

  /** Opens (creating or appending to) the container's log file, copying on virtual threads. */
  public static JsonFileLogWriter open(LogFiles files, LogConfig config) throws IOException {
    return open(files, config, InstantSource.system(), Thread.ofVirtual().factory());
  }

  public static JsonFileLogWriter open(
      LogFiles files, LogConfig config, InstantSource clock, ThreadFactory threads) throws IOException {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(clock, "clock");
    return new JsonFileLogWriter(files, LogFileAppender.open(files, config, clock), Objects.requireNonNull(threads));
  }

  /** Starts copying {@code in} as {@code stream} on its own thread, until {@code in} ends. */
  public synchronized void copy(StdStream stream, InputStream in) {
    Thread t = threads.newThread(new StreamPump(stream, Objects.requireNonNull(in), appender));
    String id = files.containerId();
    t.setName("log-" + id.substring(0, Math.min(12, id.length())) + "-" + stream.jsonName());
    pumps.add(t);
    t.start();
  }

  /** A TTY container has one stream; Docker logs it as stdout. */
  public void copyTty(InputStream in) {
    copy(StdStream.STDOUT, in);
  }

  /** Delivers every message written from now on to {@code subscriber}, until closed. */
  public LogSubscription subscribe(LogSubscriber subscriber) {
    return appender.subscribe(Objects.requireNonNull(subscriber));
  }

  public LogFiles files() {
    return files;
  }

  LogFileAppender appender() {
    return appender;
  }

  /** Waits until every stream given to {@link #copy} has ended and been written. */
  public void awaitDrained() throws InterruptedException {
    for (Thread t : snapshotPumps()) {
      t.join();
    }
  }

  private synchronized List<Thread> snapshotPumps() {
    return List.copyOf(pumps);
  }

  /**
   * Waits for the streams to drain, then closes the file and ends followers and subscribers. If
   * interrupted while waiting, closes at once (later output is dropped) and keeps the interrupt.
   */
  @Override
  public void close() throws IOException {
    try {
      awaitDrained();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    appender.close();
  }
}
