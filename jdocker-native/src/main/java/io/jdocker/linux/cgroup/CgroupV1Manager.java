package io.jdocker.linux.cgroup;

import io.jdocker.linux.signal.Signaller;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * cgroup v1: the group exists once in every controller hierarchy ({@code root/CONTROLLER/group}).
 * Controllers whose hierarchy is not mounted are skipped.
 */
public final class CgroupV1Manager implements CgroupManager {
  static final List<String> CONTROLLERS =
      List.of("memory", "cpu", "cpuacct", "cpuset", "pids", "freezer", "blkio");

  private final Path root;
  private final String group;
  private final Signaller signaller;

  public CgroupV1Manager(Path root, String group, Signaller signaller) {
    this.root = root;
    this.group = CgroupFiles.checkGroup(group);
    this.signaller = signaller;
  }

  /** The group's directory in one controller's hierarchy. */
  public Path path(String controller) {
    return root.resolve(controller).resolve(group);
  }

  private boolean mounted(String controller) {
    return Files.isDirectory(root.resolve(controller));
  }

  // On hosts that co-mount controllers ("cpu,cpuacct" with symlinks) several names share a dir.
  private List<Path> paths() throws IOException {
    Set<Path> seen = new LinkedHashSet<>();
    for (String controller : CONTROLLERS) {
      if (mounted(controller)) {
        seen.add(root.resolve(controller).toRealPath().resolve(group));
      }
    }
    return new ArrayList<>(seen);
  }

  @Override
  public void create() throws IOException {
    for (Path dir : paths()) {
      Files.createDirectories(dir);
    }
    if (mounted("cpuset")) {
      inheritCpuset(root.resolve("cpuset"), Path.of(group));
    }
  }

  // A new cpuset cgroup starts with empty cpus and mems, and attaching a task to it fails with
  // ENOSPC; give every level we own its parent's values.
  private static void inheritCpuset(Path hierarchy, Path relative) throws IOException {
    Path parent = hierarchy;
    for (Path name : relative) {
      Path dir = parent.resolve(name);
      for (String file : List.of("cpuset.cpus", "cpuset.mems")) {
        if (CgroupFiles.readOrEmpty(dir.resolve(file)).isEmpty()) {
          CgroupFiles.write(dir.resolve(file), CgroupFiles.readOrEmpty(parent.resolve(file)));
        }
      }
      parent = dir;
    }
  }

  @Override
  public void addProcess(int pid) throws IOException {
    for (Path dir : paths()) {
      CgroupFiles.write(dir.resolve("cgroup.procs"), Integer.toString(pid));
    }
  }

  @Override
  public void applyLimits(CgroupResources r) throws IOException {
    if (mounted("memory")) {
      applyMemory(path("memory"), r.memory(), r.memorySwap());
    }
    if (mounted("cpu")) {
      Path cpu = path("cpu");
      writeIfSet(cpu.resolve("cpu.cfs_period_us"), r.cpuPeriod());
      writeIfSet(cpu.resolve("cpu.cfs_quota_us"), r.cpuQuota());
      writeIfSet(cpu.resolve("cpu.shares"), r.cpuShares());
    }
    if (mounted("cpuset")) {
      writeIfSet(path("cpuset").resolve("cpuset.cpus"), r.cpusetCpus());
      writeIfSet(path("cpuset").resolve("cpuset.mems"), r.cpusetMems());
    }
    if (mounted("pids") && r.pidsLimit() != 0) {
      CgroupFiles.write(path("pids").resolve("pids.max"), r.pidsLimit() < 0 ? "max" : Long.toString(r.pidsLimit()));
    }
  }

  // memsw.limit must stay >= limit at every moment: raise memsw first when it grows, last otherwise.
  private static void applyMemory(Path dir, long memory, long memorySwap) throws IOException {
    Path limit = dir.resolve("memory.limit_in_bytes");
    Path memsw = dir.resolve("memory.memsw.limit_in_bytes");
    boolean swapAccounting = Files.exists(memsw) && memorySwap != 0;
    boolean swapFirst = false;
    if (swapAccounting) {
      String current = CgroupFiles.readOrEmpty(memsw);
      long currentSwap = current.isEmpty() ? -1 : Long.parseLong(current);
      swapFirst = memorySwap == -1 || currentSwap != -1 && memorySwap > currentSwap;
    }
    if (swapFirst) {
      CgroupFiles.write(memsw, Long.toString(memorySwap));
    }
    writeIfSet(limit, memory);
    if (swapAccounting && !swapFirst) {
      CgroupFiles.write(memsw, Long.toString(memorySwap));
    }
  }

  private static void writeIfSet(Path file, long value) throws IOException {
    if (value != 0) {
      CgroupFiles.write(file, Long.toString(value));
    }
  }

  private static void writeIfSet(Path file, String value) throws IOException {
    if (value != null && !value.isEmpty()) {
      CgroupFiles.write(file, value);
    }
  }

  @Override
  public boolean oomKilled() throws IOException {
    return CgroupFiles.keyedValue(path("memory").resolve("memory.oom_control"), "oom_kill").orElse(0) > 0;
  }

  @Override
  public void freeze() throws IOException {
    CgroupFiles.write(path("freezer").resolve("freezer.state"), "FROZEN");
  }

  @Override
  public void thaw() throws IOException {
    CgroupFiles.write(path("freezer").resolve("freezer.state"), "THAWED");
  }

  @Override
  public List<Integer> processes() throws IOException {
    Set<Integer> pids = new LinkedHashSet<>();
    for (Path dir : paths()) {
      pids.addAll(CgroupFiles.pids(dir));
    }
    return new ArrayList<>(pids);
  }

  @Override
  public void destroy() throws IOException {
    // A v1-frozen task does not die of SIGKILL until it is thawed.
    if (mounted("freezer") && Files.exists(path("freezer").resolve("freezer.state"))) {
      thaw();
    }
    for (Path dir : paths()) {
      CgroupFiles.remove(dir, signaller);
    }
  }
}
