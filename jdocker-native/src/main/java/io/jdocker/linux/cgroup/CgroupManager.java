package io.jdocker.linux.cgroup;

import java.io.IOException;
import java.util.List;

/** One container's cgroup(s): v1 has one per controller hierarchy, v2 a single one. */
public interface CgroupManager {
  /** Creates the cgroup (and missing ancestors), enabling what the controllers need. */
  void create() throws IOException;

  /** Moves {@code pid} in; do it before releasing the container so all its children follow. */
  void addProcess(int pid) throws IOException;

  void applyLimits(CgroupResources resources) throws IOException;

  /** True once the kernel's OOM killer has killed a process of this cgroup. */
  boolean oomKilled() throws IOException;

  void freeze() throws IOException;

  void thaw() throws IOException;

  /** PIDs in the cgroup, as the host sees them. */
  List<Integer> processes() throws IOException;

  /** Kills whatever is left, waits for it to go and removes the cgroup (not its ancestors). */
  void destroy() throws IOException;
}
