package io.jdocker.linux.process;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The daemon's end of jdocker-init's ctl FIFO ({@link ContainerSpec.Relay#ctl()}): asks the helper
 * to close the container's stdin or to resize its terminal. Opened read-write, so opening never
 * blocks and a helper that is gone costs nothing but a few bytes in the pipe; each command is
 * one write far below PIPE_BUF, so it arrives whole even with several writers.
 */
public final class RelayControl implements Closeable {
  private final FileChannel channel;

  private RelayControl(FileChannel channel) {
    this.channel = channel;
  }

  /** Opens the ctl FIFO of a started or adopted container. */
  public static RelayControl open(Path ctlFifo) throws IOException {
    return new RelayControl(FileChannel.open(ctlFifo, StandardOpenOption.READ, StandardOpenOption.WRITE));
  }

  /** The helper drops its write end of the stdin FIFO (and stops relaying it into the terminal). */
  public void closeStdin() throws IOException {
    send("close-stdin\n");
  }

  /** Sets the terminal's size; the kernel sends SIGWINCH to its foreground process group. */
  public void resize(int rows, int columns) throws IOException {
    if (rows < 0 || columns < 0 || rows > 0xffff || columns > 0xffff) {
      throw new IllegalArgumentException("bad terminal size " + rows + "x" + columns);
    }
    send("resize " + rows + " " + columns + "\n");
  }

  private synchronized void send(String command) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(command.getBytes(StandardCharsets.US_ASCII));
    while (buf.hasRemaining()) {
      channel.write(buf);
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
