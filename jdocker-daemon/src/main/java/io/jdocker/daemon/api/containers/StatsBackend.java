package io.jdocker.daemon.api.containers;

/** What the stats route needs from the engine. {@code id} is an ID, ID prefix or name. */
public interface StatsBackend {
  /**
   * {@code stream=false}: one sample. Unless {@code oneShot}, two samples are taken an interval
   * apart so the answer's precpu_stats hold the first (CPU % needs a delta). A container that is
   * not running gets {@link ContainerStatsResponse#empty}.
   *
   * @throws io.jdocker.errdefs.NotFoundException no such container
   */
  ContainerStatsResponse stats(String id, boolean oneShot) throws InterruptedException;

  /**
   * {@code stream=true}: a sample now, then one per interval, each with the previous as its
   * "pre" fields, until the container stops or the stream is closed. A container that is not
   * running gives one empty sample.
   *
   * @throws io.jdocker.errdefs.NotFoundException no such container, before anything is sent
   */
  Samples stream(String id);

  /** A sequence of samples; {@link #close} may come from another thread and ends a waiting {@link #next}. */
  interface Samples extends AutoCloseable {
    /** The next sample, waiting for its time; null once the stream has ended. */
    ContainerStatsResponse next() throws InterruptedException;

    @Override
    void close();
  }
}
