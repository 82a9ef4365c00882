package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.api.types.container.ContainerWaitResponse;
import io.jdocker.daemon.container.ContainerId;
import io.jdocker.daemon.container.WaitCondition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Pending {@code wait} calls. The engine registers and completes them while it holds the
 * container's lock, so no exit can slip between "is it running?" and the registration. A caller
 * that goes away cancels its future, which drops it from here.
 */
final class ExitWaiters {
  private record Waiter(WaitCondition condition, CompletableFuture<ContainerWaitResponse> result) {}

  private final Map<ContainerId, List<Waiter>> waiters = new HashMap<>();

  synchronized CompletableFuture<ContainerWaitResponse> add(ContainerId id, WaitCondition condition) {
    CompletableFuture<ContainerWaitResponse> result = new CompletableFuture<>();
    Waiter w = new Waiter(condition, result);
    waiters.computeIfAbsent(id, k -> new ArrayList<>()).add(w);
    result.whenComplete((r, e) -> {
      if (result.isCancelled()) {
        drop(id, w);
      }
    });
    return result;
  }

  private synchronized void drop(ContainerId id, Waiter w) {
    List<Waiter> list = waiters.get(id);
    if (list != null) {
      list.remove(w);
      if (list.isEmpty()) {
        waiters.remove(id);
      }
    }
  }

  /** The container's process ended (also before a policy restart): answers not-running and next-exit. */
  void exited(ContainerId id, int exitCode) {
    complete(id, exitCode, false);
  }

  /** The container is gone: answers everyone still waiting. */
  void removed(ContainerId id, int exitCode) {
    complete(id, exitCode, true);
  }

  synchronized int count(ContainerId id) {
    List<Waiter> list = waiters.get(id);
    return list == null ? 0 : list.size();
  }

  private void complete(ContainerId id, int exitCode, boolean removed) {
    List<Waiter> done = new ArrayList<>();
    synchronized (this) {
      List<Waiter> list = waiters.get(id);
      if (list == null) {
        return;
      }
      for (Iterator<Waiter> it = list.iterator(); it.hasNext(); ) {
        Waiter w = it.next();
        if (removed || w.condition() != WaitCondition.REMOVED) {
          done.add(w);
          it.remove();
        }
      }
      if (list.isEmpty()) {
        waiters.remove(id);
      }
    }
    done.forEach(w -> w.result().complete(ContainerWaitResponse.exited(exitCode)));
  }
}
