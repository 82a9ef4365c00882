package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.container.Container;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the container engine needs from the runtime, so its logic can be tested with a fake. The
 * real one is {@link NativeProcessRuntime}.
 */
public interface ProcessRuntime extends AutoCloseable {
  /**
   * Starts the container's command and returns once it runs.
   *
   * @throws io.jdocker.errdefs.EngineException a {@link io.jdocker.daemon.runtime.StartFailure}
   *     (127/126/128) when the command could not be started
   */
  LiveProcess start(Container container);

  /** Takes over a container started before a daemon restart; empty when its process is gone. */
  Optional<LiveProcess> adopt(Container container);

  /** The exit code recorded for the container's last run, if its process ended unobserved. */
  OptionalInt recordedExitCode(Container container);

  /** Removes what is left of a stopped container (mounts, cgroup, overlay dirs, FIFOs). */
  void remove(Container container) throws IOException;

  /** Stops watching; running containers keep running. */
  @Override
  void close();
}
