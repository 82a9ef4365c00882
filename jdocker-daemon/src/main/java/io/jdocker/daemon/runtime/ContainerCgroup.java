package io.jdocker.daemon.runtime;

import io.jdocker.linux.cgroup.CgroupLayout;
import io.jdocker.linux.cgroup.CgroupManager;
import io.jdocker.linux.cgroup.CgroupResources;
import io.jdocker.linux.cgroup.CgroupStats;
import io.jdocker.linux.signal.Signaller;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * One container's cgroup ({@code <root>/<controller>/<parent>/<id>} on v1, {@code <root>/<parent>/<id>}
 * on v2) with the freezer handshake {@link CgroupManager} leaves to its callers.
 */
final class ContainerCgroup {
  private static final int FREEZE_ATTEMPTS = 500;
  private static final long FREEZE_PAUSE_MS = 2;

  private final CgroupLayout layout;
  private final Path root;
  private final String group;
  private final CgroupManager manager;

  ContainerCgroup(CgroupLayout layout, Path root, String parent, String id, Signaller signaller) {
    this.layout = layout;
    this.root = root;
    this.group = parent + "/" + id;
    this.manager = layout.manager(root, group, signaller);
  }

  CgroupManager manager() {
    return manager;
  }

  /** The cgroup's usage counters (docker stats). */
  CgroupStats stats() throws IOException {
    return layout.statsReader(root, group).read();
  }

  /** Every directory this cgroup may occupy (whether or not it exists now). */
  List<Path> directories() throws IOException {
    if (layout == CgroupLayout.V2) {
      return List.of(root.resolve(group));
    }
    try (var hierarchies = Files.list(root)) {
      return hierarchies.filter(Files::isDirectory).filter(h -> !h.getFileName().toString().equals("unified"))
          .map(h -> h.resolve(group)).toList();
    }
  }

  boolean exists() throws IOException {
    for (Path dir : directories()) {
      if (Files.isDirectory(dir)) {
        return true;
      }
    }
    return false;
  }

  /** Freezes every task and returns once the kernel reports the group frozen (as runc does). */
  void freeze() throws IOException {
    for (int attempt = 0; attempt < FREEZE_ATTEMPTS; attempt++) {
      // v1 can fall back from FREEZING to THAWED when a task forks meanwhile; asking again fixes it.
      manager.freeze();
      if (isFrozen()) {
        return;
      }
      pause();
    }
    manager.thaw();
    throw new IOException("cgroup " + group + " did not freeze");
  }

  void thaw() throws IOException {
    manager.thaw();
  }

  /** v1 freezer.state says FROZEN, or v2 cgroup.events says "frozen 1". */
  boolean isFrozen() throws IOException {
    try {
      if (layout == CgroupLayout.V2) {
        return Files.readAllLines(root.resolve(group).resolve("cgroup.events")).contains("frozen 1");
      }
      return Files.readString(root.resolve("freezer").resolve(group).resolve("freezer.state")).trim()
          .equals("FROZEN");
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  void create(CgroupResources limits) throws IOException {
    manager.create();
    manager.applyLimits(limits);
  }

  private static void pause() throws IOException {
    try {
      Thread.sleep(FREEZE_PAUSE_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while freezing", e);
    }
  }
}
