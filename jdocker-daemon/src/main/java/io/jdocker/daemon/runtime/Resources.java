package io.jdocker.daemon.runtime;

import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.linux.cgroup.CgroupResources;

/**
 * A container's limits as Docker's HostConfig carries them; 0 (or null) means "not set".
 *
 * @param memory bytes (-m)
 * @param memorySwap memory plus swap in bytes (--memory-swap); -1 unlimited, 0 means 2 x memory
 * @param nanoCpus CPUs in units of 1e-9 (--cpus)
 * @param cpuShares relative weight (--cpu-shares)
 * @param cpusetCpus e.g. "0-1" (--cpuset-cpus), null for all
 * @param pidsLimit maximum tasks (--pids-limit); 0 or negative means unlimited
 */
public record Resources(long memory, long memorySwap, long nanoCpus, long cpuShares, String cpusetCpus,
    long pidsLimit) {
  public static final Resources NONE = new Resources(0, 0, 0, 0, null, 0);

  static final long CPU_PERIOD_US = 100_000;
  private static final long MIN_MEMORY = 6L << 20;
  private static final long NANOS_PER_CPU = 1_000_000_000L;

  /** Rejects what dockerd rejects, with its messages; {@code cpus} is the host's CPU count. */
  public Resources validate(int cpus) {
    if (memory < 0 || memory > 0 && memory < MIN_MEMORY) {
      throw new InvalidParameterException("Minimum memory limit allowed is 6MB");
    }
    if (memorySwap > 0 && memory == 0) {
      throw new InvalidParameterException(
          "You should always set the Memory limit when using Memoryswap limit, see usage");
    }
    if (memory > 0 && memorySwap > 0 && memorySwap < memory) {
      throw new InvalidParameterException(
          "Minimum memoryswap limit should be larger than memory limit, see usage");
    }
    if (nanoCpus < 0 || nanoCpus > cpus * NANOS_PER_CPU) {
      throw new InvalidParameterException("Range of CPUs is from 0.01 to " + cpus + ".00, as there are only "
          + cpus + " CPUs available");
    }
    if (cpuShares < 0) {
      throw new InvalidParameterException("invalid CPU shares: " + cpuShares);
    }
    return this;
  }

  /** The cgroup values with Docker's defaults applied: swap = 2 x memory, --cpus as quota per 100 ms. */
  public CgroupResources toCgroup() {
    long swap = memorySwap;
    if (memory > 0 && memorySwap == 0) {
      swap = 2 * memory;
    }
    long quota = nanoCpus > 0 ? nanoCpus * CPU_PERIOD_US / NANOS_PER_CPU : 0;
    long period = nanoCpus > 0 ? CPU_PERIOD_US : 0;
    return new CgroupResources(memory, swap, quota, period, cpuShares,
        cpusetCpus == null || cpusetCpus.isBlank() ? null : cpusetCpus.trim(), null,
        pidsLimit > 0 ? pidsLimit : 0);
  }
}
