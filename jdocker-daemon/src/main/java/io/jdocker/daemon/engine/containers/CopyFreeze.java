package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.container.ContainerId;
import io.jdocker.daemon.container.ContainerStatus;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Freezes a running container while docker cp walks or writes its filesystem. The daemon reaches
 * it through {@code /proc/PID/root}, where a symlink the container swaps in between our scoped
 * resolution and our read would be followed on the host (CVE-2018-15664, the symlink-exchange
 * race). A frozen container cannot race; podman cp pauses likewise (moby chose to chroot its tar
 * process instead, which a JVM cannot do). Invisible to clients: no state change and no event, and
 * a container the user paused meanwhile stays paused. A volume shared with another running
 * container is not covered, as with podman.
 */
final class CopyFreeze implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CopyFreeze.class);
  private static final CopyFreeze NONE = new CopyFreeze(null, null, null, null);

  private final Engine engine;
  private final ContainerRunner runner;
  private final ContainerId id;
  private final ContainerRun run;

  private CopyFreeze(Engine engine, ContainerRunner runner, ContainerId id, ContainerRun run) {
    this.engine = engine;
    this.runner = runner;
    this.id = id;
    this.run = run;
  }

  /** Freezes {@code id} if it runs unpaused; otherwise (or if the freezer fails) does nothing. */
  static CopyFreeze of(Engine engine, ContainerRunner runner, ContainerId id) {
    return engine.locks().with(id, () -> {
      ContainerRun current = runner.run(id).orElse(null);
      if (current == null || engine.current(id).state().status() != ContainerStatus.RUNNING) {
        return NONE;
      }
      try {
        current.process().pause();
        return new CopyFreeze(engine, runner, id, current);
      } catch (IOException e) {
        LOG.warn("container {}: cannot freeze it for a copy: {}", id, e.getMessage());
        return NONE;
      }
    });
  }

  @Override
  public void close() {
    if (run == null) {
      return;
    }
    engine.locks().run(id, () -> {
      boolean sameRun = runner.run(id).map(r -> r == run).orElse(false);
      if (!sameRun || engine.current(id).state().status() == ContainerStatus.PAUSED) {
        return;
      }
      try {
        run.process().unpause();
      } catch (IOException e) {
        LOG.warn("container {}: cannot thaw it after a copy: {}", id, e.getMessage());
      }
    });
  }
}
