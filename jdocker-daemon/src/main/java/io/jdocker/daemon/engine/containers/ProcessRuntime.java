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

  /**
   * A container whose process ended while nobody watched (the daemon was down): releases what
   * its run still holds (an empty cgroup), as the end of an observed run does.
   */
  default void releaseUnobservedExit(Container container) {}

  /** The exit code recorded for the container's last run, if its process ended unobserved. */
  OptionalInt recordedExitCode(Container container);

  /** Removes what is left of a stopped container (mounts, cgroup, overlay dirs, FIFOs). */
  void remove(Container container) throws IOException;

  /**
   * Starts a process inside the running container (docker exec); returns once it runs.
   *
   * @throws io.jdocker.errdefs.ConflictException the container is not running
   * @throws ExecStartFailure the command could not be started (127 not found, 126 not executable)
   */
  default ExecProcess exec(Container container, ExecRequest request) {
    throw new io.jdocker.errdefs.UnavailableException("this runtime cannot exec into containers");
  }

  /** Stops watching; running containers keep running. */
  @Override
  void close();
}
