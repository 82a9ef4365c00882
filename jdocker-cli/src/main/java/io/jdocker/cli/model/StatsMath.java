package io.jdocker.cli.model;

import java.util.List;
import java.util.Map;

/**
 * The docker CLI's arithmetic on a {@code GET /containers/{id}/stats} sample (its
 * {@code stats_helpers.go}). Go converts the daemon's uint64 counters to float64 before dividing;
 * doubles here do the same, in the same order, so the percentages round alike.
 */
public final class StatsMath {
  private StatsMath() {}

  /**
   * CPU % from the container's and the host's CPU time spent between the two samples, scaled by the
   * online CPUs (the per-CPU list's length when the daemon did not say); 0 when either did not grow.
   */
  public static double cpuPercent(Map<String, Object> precpu, Map<String, Object> cpu) {
    double cpuDelta = totalUsage(cpu) - totalUsage(precpu);
    double systemDelta = number(cpu, "system_cpu_usage") - number(precpu, "system_cpu_usage");
    double onlineCpus = number(cpu, "online_cpus");
    if (onlineCpus == 0.0) {
      onlineCpus = list(JsonFields.object(cpu.get("cpu_usage")), "percpu_usage").size();
    }
    if (systemDelta > 0.0 && cpuDelta > 0.0) {
      return (cpuDelta / systemDelta) * onlineCpus * 100.0;
    }
    return 0.0;
  }

  /**
   * Memory in use without the page cache that can be dropped: cgroup v1's
   * {@code total_inactive_file}, else v2's {@code inactive_file}, is taken off the usage when smaller.
   */
  public static double memoryUsageWithoutCache(Map<String, Object> memoryStats) {
    double usage = number(memoryStats, "usage");
    Map<String, Object> stats = JsonFields.object(memoryStats.get("stats"));
    if (stats.containsKey("total_inactive_file") && number(stats, "total_inactive_file") < usage) {
      return usage - number(stats, "total_inactive_file");
    }
    if (number(stats, "inactive_file") < usage) {
      return usage - number(stats, "inactive_file");
    }
    return usage;
  }

  /** Usage as a percentage of the limit; 0 when there is no limit (a container that is not running). */
  public static double memoryPercent(double limit, double used) {
    return limit != 0 ? used / limit * 100.0 : 0;
  }

  /** Received and sent bytes summed over the container's interfaces. */
  public static double[] network(Map<String, Object> networks) {
    double rx = 0;
    double tx = 0;
    for (Object iface : networks.values()) {
      rx += number(JsonFields.object(iface), "rx_bytes");
      tx += number(JsonFields.object(iface), "tx_bytes");
    }
    return new double[] {rx, tx};
  }

  /** Bytes read and written, from the entries of {@code io_service_bytes_recursive} whose op is Read or Write. */
  public static double[] blockIo(Map<String, Object> blkioStats) {
    long read = 0;
    long write = 0;
    for (Object raw : list(blkioStats, "io_service_bytes_recursive")) {
      Map<String, Object> entry = JsonFields.object(raw);
      String op = JsonFields.string(entry, "op");
      if (op.isEmpty()) {
        continue;
      }
      // docker looks at the first letter only: "Read"/"read", "Write"/"write"
      switch (op.charAt(0)) {
        case 'r', 'R' -> read += JsonFields.number(entry, "value", 0);
        case 'w', 'W' -> write += JsonFields.number(entry, "value", 0);
        default -> { }
      }
    }
    return new double[] {read, write};
  }

  private static double totalUsage(Map<String, Object> cpu) {
    return number(JsonFields.object(cpu.get("cpu_usage")), "total_usage");
  }

  static double number(Map<String, Object> map, String key) {
    return map.get(key) instanceof Number n ? n.doubleValue() : 0;
  }

  private static List<?> list(Map<String, Object> map, String key) {
    return map.get(key) instanceof List<?> l ? l : List.of();
  }
}
