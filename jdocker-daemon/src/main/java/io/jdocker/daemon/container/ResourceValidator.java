package io.jdocker.daemon.container;

import io.jdocker.daemon.api.types.container.HostConfig;
import io.jdocker.errdefs.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;

/** dockerd's create-time checks of HostConfig resources (verifyPlatformContainerResources), with its texts. */
public final class ResourceValidator {
  /** Docker's {@code linuxMinMemory}. */
  public static final long MIN_MEMORY = 6L * 1024 * 1024;

  private ResourceValidator() {}

  /**
   * Throws on the first invalid setting; returns warnings for the create response.
   *
   * @param cpus the number of CPUs of the host (NanoCpus may not exceed it)
   */
  public static List<String> validate(HostConfig h, int cpus) {
    List<String> warnings = new ArrayList<>();
    if (h.memory() != 0 && h.memory() < MIN_MEMORY) {
      throw invalid("Minimum memory limit allowed is 6MB");
    }
    if (h.memory() > 0 && h.memorySwap() > 0 && h.memorySwap() < h.memory()) {
      throw invalid("Minimum memoryswap limit should be larger than memory limit, see usage");
    }
    if (h.memory() == 0 && h.memorySwap() > 0) {
      throw invalid("You should always set the Memory limit when using Memoryswap limit, see usage");
    }
    if (h.memorySwappiness() != null && h.memorySwappiness() != -1
        && (h.memorySwappiness() < 0 || h.memorySwappiness() > 100)) {
      throw invalid("Invalid value: " + h.memorySwappiness() + ", valid memory swappiness range is 0-100");
    }
    if (h.memoryReservation() > 0 && h.memoryReservation() < MIN_MEMORY) {
      throw invalid("Minimum memory reservation allowed is 6MB");
    }
    if (h.memory() > 0 && h.memoryReservation() > 0 && h.memory() < h.memoryReservation()) {
      throw invalid("Minimum memory limit can not be less than memory reservation limit, see usage");
    }
    if (Boolean.TRUE.equals(h.oomKillDisable()) && h.memory() == 0) {
      warnings.add("OOM killer is disabled for the container, but no memory limit is set, this can result in the "
          + "system running out of resources.");
    }
    if (h.nanoCpus() > 0 && h.cpuPeriod() > 0) {
      throw invalid("Conflicting options: Nano CPUs and CPU Period cannot both be set");
    }
    if (h.nanoCpus() > 0 && h.cpuQuota() > 0) {
      throw invalid("Conflicting options: Nano CPUs and CPU Quota cannot both be set");
    }
    if (h.nanoCpus() < 0 || h.nanoCpus() > cpus * 1_000_000_000L) {
      throw invalid("Range of CPUs is from 0.01 to " + cpus + ".00, as there are only " + cpus + " CPUs available");
    }
    if (h.cpuPeriod() != 0 && (h.cpuPeriod() < 1000 || h.cpuPeriod() > 1_000_000)) {
      throw invalid("CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)");
    }
    if (h.cpuQuota() > 0 && h.cpuQuota() < 1000) {
      throw invalid("CPU cfs quota can not be less than 1ms (i.e. 1000)");
    }
    if (h.cpuShares() < 0) {
      throw invalid("invalid CPU shares (" + h.cpuShares() + "): value must be a positive integer");
    }
    if (h.blkioWeight() > 0 && (h.blkioWeight() < 10 || h.blkioWeight() > 1000)) {
      throw invalid("Range of blkio weight is from 10 to 1000");
    }
    if (h.shmSize() < 0) {
      throw invalid("SHM size can not be less than 0");
    }
    if (h.oomScoreAdj() < -1000 || h.oomScoreAdj() > 1000) {
      throw invalid("Invalid value " + h.oomScoreAdj() + ", range for oom score adj is [-1000, 1000]");
    }
    if (!h.cpusetCpus().isEmpty() && !CpuSet.isValid(h.cpusetCpus())) {
      throw invalid("Invalid value " + h.cpusetCpus() + " for cpuset cpus");
    }
    if (!h.cpusetCpus().isEmpty() && !CpuSet.allBelow(h.cpusetCpus(), cpus)) {
      throw invalid("Requested CPUs are not available - requested " + h.cpusetCpus() + ", available: "
          + (cpus == 1 ? "0" : "0-" + (cpus - 1)));
    }
    if (!h.cpusetMems().isEmpty() && !CpuSet.isValid(h.cpusetMems())) {
      throw invalid("Invalid value " + h.cpusetMems() + " for cpuset mems");
    }
    return warnings;
  }

  private static InvalidParameterException invalid(String message) {
    return new InvalidParameterException(message);
  }

  /** Cpuset lists like "0-2,4". */
  static final class CpuSet {
    private CpuSet() {}

    static boolean isValid(String list) {
      return list.matches("\\d+(-\\d+)?(,\\d+(-\\d+)?)*") && ranges(list);
    }

    private static boolean ranges(String list) {
      for (String part : list.split(",")) {
        String[] ends = part.split("-");
        if (ends.length == 2 && Long.parseLong(ends[0]) > Long.parseLong(ends[1])) {
          return false;
        }
      }
      return true;
    }

    static boolean allBelow(String list, int count) {
      for (String part : list.split(",")) {
        for (String end : part.split("-")) {
          if (Long.parseLong(end) >= count) {
            return false;
          }
        }
      }
      return true;
    }
  }
}
