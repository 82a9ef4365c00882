package io.jdocker.cli.command;

import io.jdocker.cli.CliEnvironment;
import io.jdocker.cli.client.HijackedStream;
import io.jdocker.cli.client.StreamDemuxer;
import io.jdocker.cli.tty.DetachKeys;
import io.jdocker.cli.tty.EscapeProxy;
import io.jdocker.cli.tty.EscapeSequenceException;
import io.jdocker.cli.tty.Terminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * One hijacked attach or exec stream being pumped, docker's hijackedIOStreamer: container output to
 * stdout/stderr (demultiplexed unless TTY) on one thread, stdin to the container on another
 * (half-closed at EOF, or at once when stdin is not attached). With a TTY and stdin, the user's
 * terminal is raw while attached and the detach keys are watched for. {@link #awaitOutput()} returns
 * when the daemon closes the stream or the user detaches.
 */
final class StreamAttachment implements AutoCloseable {
  private final HijackedStream stream;
  private final Terminal.RawMode raw;
  private final Thread output;
  private volatile IOException failure;
  private volatile boolean detached;

  private StreamAttachment(HijackedStream stream, boolean tty, InputStream stdin, PrintStream out, PrintStream err,
      Terminal.RawMode raw) {
    this.stream = stream;
    this.raw = raw;
    if (stdin == null) {
      stream.closeWrite();
    } else {
      Thread.ofPlatform().daemon().name("stdin").start(() -> pumpStdin(stdin));
    }
    output = Thread.ofPlatform().daemon().name("output").start(() -> pumpOutput(tty, out, err));
  }

  /**
   * Starts pumping {@code stream}; {@code attachStdin} sends the environment's stdin, and with
   * {@code tty} makes the terminal raw and watches for {@code detachKeys} (docker's default when null).
   */
  static StreamAttachment open(HijackedStream stream, boolean tty, boolean attachStdin, String detachKeys,
      CliEnvironment env) {
    InputStream stdin = attachStdin ? env.in() : null;
    Terminal.RawMode raw = Terminal.RawMode.NONE;
    if (tty && stdin != null) {
      raw = env.terminal().makeRaw();
      stdin = new EscapeProxy(stdin, DetachKeys.orDefault(detachKeys));
    }
    return new StreamAttachment(stream, tty, stdin, env.out(), env.err(), raw);
  }

  private void pumpStdin(InputStream stdin) {
    OutputStream to = stream.output();
    byte[] buffer = new byte[32 * 1024];
    try {
      for (int n = stdin.read(buffer); n >= 0; n = stdin.read(buffer)) {
        to.write(buffer, 0, n);
      }
    } catch (EscapeSequenceException e) {
      detached = true;
      raw.close();
      stream.close();
      return;
    } catch (IOException e) {
      // the container closed its side; nothing more to send
    }
    raw.close();
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
      if (!detached && !(e instanceof java.nio.channels.AsynchronousCloseException)) {
        failure = e;
      }
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * Waits until the daemon ends the stream or the user detaches; returns the stream's error, an
   * {@link EscapeSequenceException} after a detach, or null.
   */
  IOException awaitOutput() throws InterruptedException {
    output.join();
    raw.close();
    return detached ? new EscapeSequenceException() : failure;
  }

  @Override
  public void close() {
    raw.close();
    stream.close();
  }
}
