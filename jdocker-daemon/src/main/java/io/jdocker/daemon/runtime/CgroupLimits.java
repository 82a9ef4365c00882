package io.jdocker.daemon.runtime;

import io.jdocker.daemon.container.ResourceLimits;
import io.jdocker.linux.cgroup.CgroupResources;

/** The cgroup values of a container's {@link ResourceLimits} (already validated and defaulted at create). */
final class CgroupLimits {
  private CgroupLimits() {}

  static CgroupResources of(ResourceLimits r) {
    if (r == null) {
      return CgroupResources.NONE;
    }
    return new CgroupResources(r.memoryBytes(), r.memoryBytes() > 0 ? r.memorySwapBytes() : 0,
        r.hasCpuQuota() ? r.cpuQuotaMicros() : 0, r.hasCpuQuota() ? r.cpuPeriodMicros() : 0, r.cpuShares(),
        blankToNull(r.cpusetCpus()), blankToNull(r.cpusetMems()), r.hasPidsLimit() ? r.pidsLimit() : 0);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
