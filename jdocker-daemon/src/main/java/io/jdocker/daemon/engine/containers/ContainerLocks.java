package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.container.ContainerId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** One lock per container: every state change of a container happens while holding it. */
final class ContainerLocks {
  private final Map<ContainerId, ReentrantLock> locks = new ConcurrentHashMap<>();

  <T> T with(ContainerId id, Supplier<T> action) {
    ReentrantLock lock = locks.computeIfAbsent(id, k -> new ReentrantLock());
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }

  void run(ContainerId id, Runnable action) {
    with(id, () -> {
      action.run();
      return null;
    });
  }

  void forget(ContainerId id) {
    locks.remove(id);
  }
}
