package io.jdocker.linux.cgroup;

import io.jdocker.linux.signal.Signaller;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** cgroup v2: one directory in the unified hierarchy; processes live only in leaves. */
public final class CgroupV2Manager implements CgroupManager {
  static final List<String> CONTROLLERS = List.of("cpu", "cpuset", "memory", "pids");
  private static final long DEFAULT_CPU_PERIOD = 100_000;

  private final Path root;
  private final String group;
  private final Path dir;
  private final Signaller signaller;

  public CgroupV2Manager(Path root, String group, Signaller signaller) {
    this.root = root;
    this.group = CgroupFiles.checkGroup(group);
    this.dir = root.resolve(group);
    this.signaller = signaller;
  }

  public Path path() {
    return dir;
  }

  /** Creates each level and enables our controllers for its children, as far as each parent has them. */
  @Override
  public void create() throws IOException {
    Path parent = root;
    for (Path name : Path.of(group)) {
      enableControllers(parent);
      parent = parent.resolve(name);
      Files.createDirectories(parent);
    }
  }

  private static void enableControllers(Path cgroup) throws IOException {
    Set<String> available = Set.of(CgroupFiles.readOrEmpty(cgroup.resolve("cgroup.controllers")).split("\\s+"));
    Set<String> enabled = Set.of(CgroupFiles.readOrEmpty(cgroup.resolve("cgroup.subtree_control")).split("\\s+"));
    String missing = CONTROLLERS.stream()
        .filter(available::contains)
        .filter(c -> !enabled.contains(c))
        .map(c -> "+" + c)
        .collect(Collectors.joining(" "));
    if (!missing.isEmpty()) {
      CgroupFiles.write(cgroup.resolve("cgroup.subtree_control"), missing);
    }
  }

  @Override
  public void addProcess(int pid) throws IOException {
    CgroupFiles.write(dir.resolve("cgroup.procs"), Integer.toString(pid));
  }

  @Override
  public void applyLimits(CgroupResources r) throws IOException {
    if (r.memory() != 0) {
      CgroupFiles.write(dir.resolve("memory.max"), limit(r.memory()));
    }
    if (r.memorySwap() != 0 && Files.exists(dir.resolve("memory.swap.max"))) {
      // Docker's MemorySwap counts memory plus swap; v2 limits swap alone.
      String swap = r.memorySwap() < 0 ? "max" : Long.toString(Math.max(0, r.memorySwap() - Math.max(0, r.memory())));
      CgroupFiles.write(dir.resolve("memory.swap.max"), swap);
    }
    if (r.cpuQuota() != 0 || r.cpuPeriod() != 0) {
      String quota = r.cpuQuota() > 0 ? Long.toString(r.cpuQuota()) : "max";
      long period = r.cpuPeriod() > 0 ? r.cpuPeriod() : DEFAULT_CPU_PERIOD;
      CgroupFiles.write(dir.resolve("cpu.max"), quota + " " + period);
    }
    if (r.cpuShares() > 0) {
      CgroupFiles.write(dir.resolve("cpu.weight"), Long.toString(weightFromShares(r.cpuShares())));
    }
    if (r.cpusetCpus() != null && !r.cpusetCpus().isEmpty()) {
      CgroupFiles.write(dir.resolve("cpuset.cpus"), r.cpusetCpus());
    }
    if (r.cpusetMems() != null && !r.cpusetMems().isEmpty()) {
      CgroupFiles.write(dir.resolve("cpuset.mems"), r.cpusetMems());
    }
    if (r.pidsLimit() != 0) {
      CgroupFiles.write(dir.resolve("pids.max"), limit(r.pidsLimit()));
    }
  }

  private static String limit(long value) {
    return value < 0 ? "max" : Long.toString(value);
  }

  /** runc's mapping of cpu.shares [2, 262144] onto cpu.weight [1, 10000]. */
  static long weightFromShares(long shares) {
    long clamped = Math.min(262_144, Math.max(2, shares));
    return 1 + ((clamped - 2) * 9999) / 262_142;
  }

  @Override
  public boolean oomKilled() throws IOException {
    return CgroupFiles.keyedValue(dir.resolve("memory.events"), "oom_kill").orElse(0) > 0;
  }

  @Override
  public void freeze() throws IOException {
    CgroupFiles.write(dir.resolve("cgroup.freeze"), "1");
  }

  @Override
  public void thaw() throws IOException {
    CgroupFiles.write(dir.resolve("cgroup.freeze"), "0");
  }

  @Override
  public List<Integer> processes() throws IOException {
    return CgroupFiles.pids(dir);
  }

  @Override
  public void destroy() throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    Path kill = dir.resolve("cgroup.kill");
    if (Files.exists(kill)) {
      CgroupFiles.write(kill, "1");
    }
    CgroupFiles.remove(dir, signaller);
  }
}
