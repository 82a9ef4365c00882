package io.jdocker.linux.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * cgroup v2 counters, all in the group's one directory. cpu.stat exists in every cgroup (the
 * kernel keeps basic CPU accounting without the cpu controller), so its absence means the
 * cgroup is gone; the other files exist only where their controller is enabled.
 */
public final class CgroupV2StatsReader implements CgroupStatsReader {
  private static final long NANOS_PER_MICRO = 1_000;

  private final Path dir;

  public CgroupV2StatsReader(Path root, String group) {
    this.dir = root.resolve(CgroupFiles.checkGroup(group));
  }

  @Override
  public CgroupStats read() throws IOException {
    Map<String, Long> cpu = StatFiles.flatKeyed(Files.readString(dir.resolve("cpu.stat")));
    long pidsLimit = StatFiles.limit(dir.resolve("pids.max"));
    return new CgroupStats(
        new CgroupStats.Cpu(micros(cpu, "usage_usec"), null, micros(cpu, "system_usec"), micros(cpu, "user_usec"),
            cpu.getOrDefault("nr_periods", 0L), cpu.getOrDefault("nr_throttled", 0L),
            micros(cpu, "throttled_usec")),
        new CgroupStats.Memory(StatFiles.optionalNumber(dir.resolve("memory.current")), 0,
            StatFiles.flatKeyed(StatFiles.optional(dir.resolve("memory.events"))).getOrDefault("oom", 0L),
            StatFiles.limit(dir.resolve("memory.max")),
            StatFiles.flatKeyed(StatFiles.optional(dir.resolve("memory.stat")))),
        new CgroupStats.Pids(StatFiles.optionalNumber(dir.resolve("pids.current")),
            pidsLimit == CgroupStats.UNLIMITED ? 0 : pidsLimit),
        new CgroupStats.Blkio(StatFiles.ioStatBytes(StatFiles.optional(dir.resolve("io.stat"))), null));
  }

  private static long micros(Map<String, Long> values, String key) {
    return values.getOrDefault(key, 0L) * NANOS_PER_MICRO;
  }
}
