package io.jdocker.daemon.engine.containers;

import io.jdocker.linux.process.RelayControl;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/**
 * The daemon's write end of a container's stdin FIFO. jdocker-init keeps a write end of its own,
 * so the daemon dying is not the container's EOF; closing this one therefore also asks
 * jdocker-init to drop its end ({@link RelayControl#closeStdin()}): the container sees EOF (or,
 * with a terminal, its input stops) exactly as when the daemon held the only writer.
 */
final class RelayedStdin extends OutputStream {
  private final RandomAccessFile fifo;
  private final FileOutputStream out;
  private final RelayControl control;

  private RelayedStdin(RandomAccessFile fifo, RelayControl control) throws IOException {
    this.fifo = fifo;
    this.out = new FileOutputStream(fifo.getFD());
    this.control = control;
  }

  /** Read-write, so the open never blocks, even if the container has just ended. */
  static RelayedStdin open(Path stdinFifo, RelayControl control) throws IOException {
    return new RelayedStdin(new RandomAccessFile(stdinFifo.toFile(), "rw"), control);
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
  }

  /** Closes the daemon's end only, as the daemon dying would: the container's stdin stays open. */
  void abandon() throws IOException {
    fifo.close();
  }

  @Override
  public void close() throws IOException {
    try {
      fifo.close();
    } finally {
      control.closeStdin();
    }
  }
}
