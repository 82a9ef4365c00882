package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.container.Container;
import io.jdocker.daemon.container.ContainerStatus;
import io.jdocker.daemon.container.ProcessIdentity;
import io.jdocker.daemon.container.RestartPolicies;
import io.jdocker.daemon.container.Transition;
import io.jdocker.daemon.runtime.ExitStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Daemon start-up: loads every saved container; a running or paused one whose PID still has the
 * recorded start time is adopted (its output and exit followed again), any other is marked exited
 * with the code jdocker-init recorded (or 255); a half-removed one is removed; then the restart
 * policies start what they ask for.
 */
final class ContainerRestorer {
  private static final Logger LOG = LoggerFactory.getLogger(ContainerRestorer.class);

  private final Engine engine;
  private final ContainerRunner runner;
  private final ContainerRemover remover;
  private final ProcessIdentity identity;

  ContainerRestorer(Engine engine, ContainerRunner runner, ContainerRemover remover, ProcessIdentity identity) {
    this.engine = engine;
    this.runner = runner;
    this.remover = remover;
    this.identity = identity;
  }

  /** @return the containers the restart policies start (started asynchronously) */
  List<Container> restore() {
    List<Container> toRemove = new ArrayList<>();
    for (Container c : engine.states().loadAll()) {
      engine.store().put(c);
    }
    for (Container c : engine.store().all()) {
      try {
        switch (c.state().status()) {
          case RUNNING, PAUSED -> {
            if (!reattach(c) && c.hostConfig().autoRemove()) {
              toRemove.add(c);
            }
          }
          case RESTARTING -> markExited(c, c.state().exitCode());
          case REMOVING -> toRemove.add(c);
          default -> { }
        }
      } catch (RuntimeException e) {
        LOG.error("container {}: cannot restore it: {}", c.id(), e.toString());
      }
    }
    for (Container c : toRemove) {
      try {
        remover.remove(c.id(), true);
      } catch (RuntimeException e) {
        LOG.warn("container {}: finishing its removal failed: {}", c.id(), e.getMessage());
      }
    }
    List<Container> toStart = new ArrayList<>();
    for (Container c : engine.store().all()) {
      if (!c.state().isRunning() && c.state().status() != ContainerStatus.DEAD
          && c.state().status() != ContainerStatus.REMOVING
          && RestartPolicies.shouldStartOnBoot(c.hostConfig().restartPolicy(), c.state())) {
        toStart.add(c);
      }
    }
    return toStart;
  }

  /** @return whether the process was adopted */
  private boolean reattach(Container c) {
    Optional<LiveProcess> live = identity.isSameProcess(c.state().pid(), c.state().pidStartTime())
        ? engine.runtime().adopt(c)
        : Optional.empty();
    if (live.isPresent()) {
      LOG.info("container {}: adopted its running process {}", c.id(), c.state().pid());
      runner.adopted(c, live.get());
      return true;
    }
    engine.runtime().releaseUnobservedExit(c);
    markExited(c, engine.runtime().recordedExitCode(c).orElse(ExitStatus.UNKNOWN_EXIT_CODE));
    return false;
  }

  private void markExited(Container c, int exitCode) {
    engine.locks().run(c.id(), () -> {
      Container exited = engine.commit(c.transition(new Transition.Exited(exitCode, false, Instant.now())));
      engine.events().publish(exited, "die", java.util.Map.of("exitCode", Integer.toString(exitCode)));
    });
  }
}
