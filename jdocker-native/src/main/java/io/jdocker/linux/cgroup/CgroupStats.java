package io.jdocker.linux.cgroup;

import java.util.List;
import java.util.Map;

/**
 * One reading of a cgroup's counters in bytes and nanoseconds, whatever the cgroup version wrote
 * them in. A counter the host does not have reads as zero; a list this cgroup version does not
 * keep at all is null (v2 has no per-CPU usage and no I/O operation counts).
 */
public record CgroupStats(Cpu cpu, Memory memory, Pids pids, Blkio blkio) {
  /** A limit that is not set ("max", or v1's page-rounded {@code Long.MAX_VALUE}). */
  public static final long UNLIMITED = Long.MAX_VALUE;

  /**
   * @param perCpuNanos v1's cpuacct.usage_percpu, null on v2
   * @param periods enforcement periods that elapsed; {@code throttledPeriods} of them ran out of quota
   */
  public record Cpu(long totalNanos, List<Long> perCpuNanos, long kernelNanos, long userNanos, long periods,
      long throttledPeriods, long throttledNanos) {}

  /**
   * @param maxUsage v1's high-water mark; 0 on v2, which keeps none
   * @param failcnt v1's memory.failcnt; v2's "oom" count from memory.events
   * @param limit bytes, or {@link #UNLIMITED}
   * @param stat memory.stat as the kernel wrote it, in file order
   */
  public record Memory(long usage, long maxUsage, long failcnt, long limit, Map<String, Long> stat) {}

  /** @param limit pids.max, 0 when unlimited */
  public record Pids(long current, long limit) {}

  /**
   * @param serviceBytes bytes per device and operation (v1 "Read"/"Write"/"Sync"/"Async"/"Discard"/"Total";
   *     v2 "read"/"write" from io.stat); null on v2 when no device was used
   * @param serviced operations per device and operation; null on v2
   */
  public record Blkio(List<BlkioEntry> serviceBytes, List<BlkioEntry> serviced) {}

  public record BlkioEntry(long major, long minor, String op, long value) {}
}
