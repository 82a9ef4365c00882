package io.jdocker.daemon.logs;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/** A container's stdout and stderr as pipes feeding a writer; {@link #say} waits until logged. */
final class FakeContainer implements AutoCloseable {
  static final Instant T0 = Instant.parse("2026-11-28T22:32:55.376503483Z");

  /** Record k (counting from 0) is stamped {@code T0 + k seconds}. */
  static InstantSource tickingClock() {
    AtomicLong ticks = new AtomicLong();
    return () -> T0.plusSeconds(ticks.getAndIncrement());
  }

  final JsonFileLogWriter writer;
  final BlockingQueue<LogMessage> written = new LinkedBlockingQueue<>();
  private final Pipe out = Pipe.open();
  private final Pipe err = Pipe.open();

  FakeContainer(LogFiles files, LogConfig config) throws IOException {
    this(files, config, tickingClock());
  }

  FakeContainer(LogFiles files, LogConfig config, InstantSource clock) throws IOException {
    writer = JsonFileLogWriter.open(files, config, clock, Thread.ofPlatform().daemon().factory());
    writer.subscribe(written::add);
    writer.copy(StdStream.STDOUT, Channels.newInputStream(out.source()));
    writer.copy(StdStream.STDERR, Channels.newInputStream(err.source()));
  }

  void send(StdStream stream, byte[] bytes) throws IOException {
    Pipe.SinkChannel sink = stream == StdStream.STDOUT ? out.sink() : err.sink();
    ByteBuffer b = ByteBuffer.wrap(bytes);
    while (b.hasRemaining()) {
      sink.write(b);
    }
  }

  /** Writes one complete line and waits until it is in the log file. */
  LogMessage say(StdStream stream, String line) throws Exception {
    send(stream, line.getBytes(UTF_8));
    return written.take();
  }

  /** The process exits: both pipes close, and the writer drains and closes. */
  void exit() throws IOException {
    out.sink().close();
    err.sink().close();
    writer.close();
  }

  @Override
  public void close() throws IOException {
    exit();
  }
}
