package io.jdocker.daemon.api.containers;

import java.io.IOException;
import java.io.InputStream;

/** Where an attached client's stdin goes: the container's stdin (its FIFO, or its terminal). */
public interface StdinTarget {
  /**
   * Waits for the container's run to start (docker run attaches first), then copies {@code in}
   * into the container's stdin until the client's EOF or the run's end. On the client's EOF a
   * {@code StdinOnce} container without a TTY gets EOF on its stdin.
   *
   * @return true when the attachment should end now: Docker ends a TTY attach, or one to a
   *     container without {@code StdinOnce}, once its stdin ends; false when the output goes on
   */
  boolean copyFrom(InputStream in) throws IOException, InterruptedException;
}
