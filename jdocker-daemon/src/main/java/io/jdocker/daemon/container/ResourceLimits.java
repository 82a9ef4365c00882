package io.jdocker.daemon.container;

import io.jdocker.daemon.api.types.container.HostConfig;

/**
 * The cgroup limits a HostConfig asks for, in the units cgroup files take. {@code 0} and
 * {@code -1} mean "no limit" as in Docker: memory 0 = unlimited, memorySwap -1 = unlimited swap,
 * memorySwap 0 = Docker's default of twice the memory, pidsLimit ≤ 0 = unlimited.
 */
public record ResourceLimits(
    long memoryBytes,
    long memorySwapBytes,
    long memoryReservationBytes,
    long cpuShares,
    long cpuQuotaMicros,
    long cpuPeriodMicros,
    String cpusetCpus,
    String cpusetMems,
    long pidsLimit,
    boolean oomKillDisable) {

  /** The CFS period Docker uses for {@code --cpus}. */
  public static final long DEFAULT_CPU_PERIOD = 100_000;

  public static ResourceLimits of(HostConfig h) {
    long quota = h.cpuQuota();
    long period = h.cpuPeriod();
    if (h.nanoCpus() > 0) {
      // --cpus 0.5 → quota 50000 of period 100000, as dockerd's getCPUResources.
      period = DEFAULT_CPU_PERIOD;
      quota = h.nanoCpus() * period / 1_000_000_000L;
    }
    long swap = h.memorySwap();
    if (h.memory() > 0 && swap == 0) {
      swap = h.memory() * 2;
    }
    long pids = h.pidsLimit() == null || h.pidsLimit() <= 0 ? 0 : h.pidsLimit();
    return new ResourceLimits(h.memory(), h.memory() > 0 ? swap : 0, h.memoryReservation(), h.cpuShares(), quota, period,
        h.cpusetCpus(), h.cpusetMems(), pids, Boolean.TRUE.equals(h.oomKillDisable()));
  }

  public boolean hasMemoryLimit() {
    return memoryBytes > 0;
  }

  public boolean hasCpuQuota() {
    return cpuQuotaMicros > 0;
  }

  public boolean hasPidsLimit() {
    return pidsLimit > 0;
  }
}
