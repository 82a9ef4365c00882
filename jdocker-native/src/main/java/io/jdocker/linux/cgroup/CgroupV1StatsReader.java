package io.jdocker.linux.cgroup;

import io.jdocker.linux.cgroup.CgroupStats.BlkioEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * cgroup v1 counters, one hierarchy per controller ({@code root/CONTROLLER/group}). A hierarchy
 * that is not mounted contributes zeros; a missing group in the memory or cpuacct hierarchy
 * means the cgroup is gone.
 */
public final class CgroupV1StatsReader implements CgroupStatsReader {
  // cpuacct.stat counts USER_HZ ticks, which Linux fixes at 100 whatever the kernel's HZ.
  private static final long NANOS_PER_TICK = 1_000_000_000L / 100;

  private final Path root;
  private final String group;

  public CgroupV1StatsReader(Path root, String group) {
    this.root = root;
    this.group = CgroupFiles.checkGroup(group);
  }

  private Path dir(String controller) {
    return root.resolve(controller).resolve(group);
  }

  private boolean mounted(String controller) {
    return Files.isDirectory(root.resolve(controller));
  }

  @Override
  public CgroupStats read() throws IOException {
    return new CgroupStats(cpu(), memory(), pids(), blkio());
  }

  private CgroupStats.Cpu cpu() throws IOException {
    long total = 0;
    List<Long> perCpu = List.of();
    Map<String, Long> ticks = Map.of();
    if (mounted("cpuacct")) {
      Path cpuacct = dir("cpuacct");
      total = StatFiles.required(cpuacct.resolve("cpuacct.usage"));
      perCpu = StatFiles.numbers(StatFiles.optional(cpuacct.resolve("cpuacct.usage_percpu")));
      ticks = StatFiles.flatKeyed(StatFiles.optional(cpuacct.resolve("cpuacct.stat")));
    }
    Map<String, Long> throttling = mounted("cpu")
        ? StatFiles.flatKeyed(StatFiles.optional(dir("cpu").resolve("cpu.stat")))
        : Map.of();
    return new CgroupStats.Cpu(total, perCpu, ticks.getOrDefault("system", 0L) * NANOS_PER_TICK,
        ticks.getOrDefault("user", 0L) * NANOS_PER_TICK, throttling.getOrDefault("nr_periods", 0L),
        throttling.getOrDefault("nr_throttled", 0L), throttling.getOrDefault("throttled_time", 0L));
  }

  private CgroupStats.Memory memory() throws IOException {
    if (!mounted("memory")) {
      return new CgroupStats.Memory(0, 0, 0, CgroupStats.UNLIMITED, Map.of());
    }
    Path memory = dir("memory");
    return new CgroupStats.Memory(StatFiles.required(memory.resolve("memory.usage_in_bytes")),
        StatFiles.optionalNumber(memory.resolve("memory.max_usage_in_bytes")),
        StatFiles.optionalNumber(memory.resolve("memory.failcnt")),
        StatFiles.limit(memory.resolve("memory.limit_in_bytes")),
        StatFiles.flatKeyed(StatFiles.optional(memory.resolve("memory.stat"))));
  }

  private CgroupStats.Pids pids() throws IOException {
    Path pids = dir("pids");
    long limit = StatFiles.limit(pids.resolve("pids.max"));
    return new CgroupStats.Pids(StatFiles.optionalNumber(pids.resolve("pids.current")),
        limit == CgroupStats.UNLIMITED ? 0 : limit);
  }

  /**
   * The CFQ scheduler's recursive counters where the kernel has them and they saw I/O (as
   * containerd reads them), else the throttling layer's, which count I/O under every scheduler.
   */
  private CgroupStats.Blkio blkio() throws IOException {
    Path blkio = dir("blkio");
    if (Files.exists(blkio.resolve("blkio.io_serviced_recursive"))) {
      List<BlkioEntry> bytes = StatFiles.blkioV1(StatFiles.optional(blkio.resolve("blkio.io_service_bytes_recursive")));
      List<BlkioEntry> ios = StatFiles.blkioV1(StatFiles.optional(blkio.resolve("blkio.io_serviced_recursive")));
      if (!bytes.isEmpty() || !ios.isEmpty()) {
        return new CgroupStats.Blkio(bytes, ios);
      }
    }
    return new CgroupStats.Blkio(StatFiles.blkioV1(StatFiles.optional(blkio.resolve("blkio.throttle.io_service_bytes"))),
        StatFiles.blkioV1(StatFiles.optional(blkio.resolve("blkio.throttle.io_serviced"))));
  }
}
