package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.api.Filters;
import io.jdocker.daemon.api.containers.ContainerPruneResponse;
import io.jdocker.daemon.container.Container;
import io.jdocker.daemon.container.ContainerStatus;
import io.jdocker.daemon.container.ContainerStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code container prune}: removes stopped containers the filters select, counting their upper dirs. */
final class ContainerPruner {
  private static final Logger LOG = LoggerFactory.getLogger(ContainerPruner.class);

  private ContainerPruner() {}

  static ContainerPruneResponse prune(ContainerStore store, ContainerRemover remover, Filters filters) {
    Filters checked = filters.requireKeys(Set.of("until", "label", "label!"));
    List<String> deleted = new ArrayList<>();
    long reclaimed = 0;
    for (Container c : store.all()) {
      ContainerStatus s = c.state().status();
      if ((s != ContainerStatus.EXITED && s != ContainerStatus.CREATED && s != ContainerStatus.DEAD)
          || !PruneFilter.matches(checked, c)) {
        continue;
      }
      long size = ContainerChanges.size(c.paths().upperDir());
      try {
        remover.remove(c.id(), false);
        deleted.add(c.id().value());
        reclaimed += size;
      } catch (RuntimeException e) {
        LOG.warn("prune: cannot remove {}: {}", c.id(), e.getMessage());
      }
    }
    return new ContainerPruneResponse(deleted.isEmpty() ? null : deleted, reclaimed);
  }
}
