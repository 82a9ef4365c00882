package io.jdocker.cli.command;

import io.jdocker.cli.client.HijackedStream;
import io.jdocker.cli.client.StreamDemuxer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * One hijacked attach or exec stream being pumped: container output to stdout/stderr (demultiplexed
 * unless TTY) on one thread, stdin to the container on another (half-closed at EOF, or at once
 * when stdin is not attached). {@link #awaitOutput()} returns when the daemon closes the stream.
 */
final class StreamAttachment implements AutoCloseable {
  private final HijackedStream stream;
  private final Thread output;
  private volatile IOException failure;

  StreamAttachment(HijackedStream stream, boolean tty, InputStream stdin, PrintStream out, PrintStream err) {
    this.stream = stream;
    if (stdin == null) {
      stream.closeWrite();
    } else {
      Thread.ofPlatform().daemon().name("stdin").start(() -> pumpStdin(stdin));
    }
    output = Thread.ofPlatform().daemon().name("output").start(() -> pumpOutput(tty, out, err));
  }

  private void pumpStdin(InputStream stdin) {
    OutputStream to = stream.output();
    byte[] buffer = new byte[32 * 1024];
    try {
      for (int n = stdin.read(buffer); n >= 0; n = stdin.read(buffer)) {
        to.write(buffer, 0, n);
      }
    } catch (IOException e) {
      // the container closed its side; nothing more to send
    }
    stream.closeWrite();
  }

  private void pumpOutput(boolean tty, PrintStream out, PrintStream err) {
    try {
      if (tty) {
        InputStream in = stream.input();
        byte[] buffer = new byte[32 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          out.write(buffer, 0, n);
          out.flush();
        }
      } else {
        StreamDemuxer.copy(stream.input(), out, err);
      }
    } catch (IOException e) {
      if (!(e instanceof java.nio.channels.AsynchronousCloseException)) {
        failure = e;
      }
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** Waits until the daemon ends the stream; returns the stream's error, if any. */
  IOException awaitOutput() throws InterruptedException {
    output.join();
    return failure;
  }

  @Override
  public void close() {
    stream.close();
  }
}
