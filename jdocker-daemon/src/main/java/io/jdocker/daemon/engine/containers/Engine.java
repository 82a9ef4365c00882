package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.container.Container;
import io.jdocker.daemon.container.ContainerId;
import io.jdocker.daemon.container.ContainerStore;
import io.jdocker.daemon.container.StateStore;
import io.jdocker.errdefs.NotFoundException;

/** What the container engine's parts share: the containers, their files, locks, events and waiters. */
record Engine(ContainerStore store, StateStore states, ContainerLocks locks, ContainerEvents events,
    ExitWaiters waiters, ProcessRuntime runtime) {

  /** Persists first, then publishes: a failed write leaves the old value visible. */
  Container commit(Container next) {
    states.save(next);
    store.put(next);
    return next;
  }

  /** The current value (call with the container's lock held to act on it). */
  Container current(ContainerId id) {
    return store.byId(id).orElseThrow(() -> new NotFoundException("No such container: " + id.value()));
  }
}
