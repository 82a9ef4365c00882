package io.jdocker.linux.cgroup;

/**
 * Limits for one container, in Docker's units. For every number 0 means "leave as it is" and
 * -1 means "unlimited"; the daemon resolves Docker's defaults (e.g. swap = 2 x memory) first.
 *
 * @param memory bytes of memory
 * @param memorySwap bytes of memory plus swap, as Docker's MemorySwap (not swap alone)
 * @param cpuQuota microseconds of CPU per period
 * @param cpuPeriod period in microseconds
 * @param cpuShares relative weight, 2..262144 (v1 cpu.shares; converted to cpu.weight on v2)
 * @param cpusetCpus e.g. "0-1,3", null to leave as it is
 * @param cpusetMems memory nodes, null to leave as it is
 * @param pidsLimit maximum number of tasks
 */
public record CgroupResources(
    long memory,
    long memorySwap,
    long cpuQuota,
    long cpuPeriod,
    long cpuShares,
    String cpusetCpus,
    String cpusetMems,
    long pidsLimit) {

  public static final CgroupResources NONE = new CgroupResources(0, 0, 0, 0, 0, null, null, 0);

  public CgroupResources withMemory(long bytes, long withSwap) {
    return new CgroupResources(bytes, withSwap, cpuQuota, cpuPeriod, cpuShares, cpusetCpus, cpusetMems, pidsLimit);
  }

  public CgroupResources withCpu(long quota, long period, long shares) {
    return new CgroupResources(memory, memorySwap, quota, period, shares, cpusetCpus, cpusetMems, pidsLimit);
  }

  public CgroupResources withCpuset(String cpus, String mems) {
    return new CgroupResources(memory, memorySwap, cpuQuota, cpuPeriod, cpuShares, cpus, mems, pidsLimit);
  }

  public CgroupResources withPidsLimit(long limit) {
    return new CgroupResources(memory, memorySwap, cpuQuota, cpuPeriod, cpuShares, cpusetCpus, cpusetMems, limit);
  }
}
