package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.container.Container;
import io.jdocker.daemon.container.ContainerId;
import io.jdocker.daemon.container.Signals;
import io.jdocker.daemon.container.Transition;
import io.jdocker.errdefs.ConflictException;
import io.jdocker.errdefs.UnavailableException;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * docker rm: refuses a running container without force (409); with force kills it first (rm -f =
 * SIGKILL, then remove). Removes mounts, cgroup, overlay dirs, FIFOs, logs and state, then answers
 * {@code wait?condition=removed}. A clean-up that fails half-way leaves the container "dead".
 */
final class ContainerRemover {
  private static final Logger LOG = LoggerFactory.getLogger(ContainerRemover.class);

  private final Engine engine;
  private final ContainerRunner runner;

  private volatile java.util.function.Consumer<ContainerId> onRemoved = id -> { };

  ContainerRemover(Engine engine, ContainerRunner runner) {
    this.engine = engine;
    this.runner = runner;
  }

  /** What else is dropped with a container (its exec records), on every removal path (rm, --rm, prune). */
  void onRemoved(java.util.function.Consumer<ContainerId> listener) {
    this.onRemoved = listener;
  }

  void remove(ContainerId id, boolean force) {
    Optional<ContainerRun> running = engine.locks().with(id, () -> {
      Container c = engine.current(id);
      engine.commit(c.transition(new Transition.Remove(force)));
      runner.cancelPendingRestart(id);
      return runner.run(id);
    });
    running.ifPresent(this::killAndWait);
    Container c = engine.current(id);
    try {
      engine.runtime().remove(c);
      engine.states().delete(id);
    } catch (IOException | RuntimeException e) {
      String message = "unable to remove filesystem for " + id + ": " + e.getMessage();
      engine.locks().run(id, () -> engine.commit(engine.current(id).transition(new Transition.RemovalFailed(message))));
      throw new UnavailableException(message, e);
    }
    engine.store().remove(id);
    onRemoved.accept(id);
    engine.locks().forget(id);
    runner.endPendingAttaches(id);
    engine.events().publish(c, "destroy");
    engine.waiters().removed(id, c.state().exitCode());
  }

  /** --rm after the exit: errors are only logged (the container may have been removed already). */
  void autoRemove(ContainerId id) {
    try {
      remove(id, false);
    } catch (RuntimeException e) {
      if (engine.store().byId(id).isPresent() && !(e instanceof ConflictException)) {
        LOG.warn("container {}: auto-removal failed: {}", id, e.getMessage());
      }
    }
  }

  private void killAndWait(ContainerRun run) {
    try {
      run.process().kill(Signals.SIGKILL);
    } catch (IOException | RuntimeException e) {
      LOG.debug("kill before removal: {}", e.toString()); // it may have exited meanwhile
    }
    run.exitHandled().join();
  }
}
