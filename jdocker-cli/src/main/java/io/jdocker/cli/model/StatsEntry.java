package io.jdocker.cli.model;

import java.util.Map;

/**
 * One row of {@code docker stats}: the figures the CLI derives from a container's latest sample.
 * {@code container} is what the user named (or the short ID when listing all); an invalid entry
 * (no answer, an error, or no sample for two seconds) prints as "--".
 */
public record StatsEntry(
    String container, String name, String id, double cpuPercentage, double memory, double memoryLimit,
    double memoryPercentage, double networkRx, double networkTx, double blockRead, double blockWrite,
    long pidsCurrent, boolean invalid) {

  /** A container nothing is known about yet: zeros, valid (docker shows zeros until the first sample). */
  public static StatsEntry empty(String container) {
    return new StatsEntry(container, "", "", 0, 0, 0, 0, 0, 0, 0, 0, 0, false);
  }

  /** The figures of one {@code GET /containers/{id}/stats} sample (a Linux daemon's). */
  public static StatsEntry of(String container, Map<String, Object> sample) {
    Map<String, Object> memoryStats = JsonFields.object(sample.get("memory_stats"));
    double memory = StatsMath.memoryUsageWithoutCache(memoryStats);
    double limit = StatsMath.number(memoryStats, "limit");
    double[] net = StatsMath.network(JsonFields.object(sample.get("networks")));
    double[] blk = StatsMath.blockIo(JsonFields.object(sample.get("blkio_stats")));
    double cpu = StatsMath.cpuPercent(JsonFields.object(sample.get("precpu_stats")), JsonFields.object(sample.get("cpu_stats")));
    long pids = JsonFields.number(JsonFields.object(sample.get("pids_stats")), "current", 0);
    return new StatsEntry(container, JsonFields.string(sample, "name"), JsonFields.string(sample, "id"), cpu, memory, limit,
        StatsMath.memoryPercent(limit, memory), net[0], net[1], blk[0], blk[1], pids, false);
  }

  /** The same figures marked invalid (docker's SetError: the row prints "--" but keeps its values). */
  public StatsEntry invalidated() {
    return new StatsEntry(container, name, id, cpuPercentage, memory, memoryLimit, memoryPercentage, networkRx, networkTx,
        blockRead, blockWrite, pidsCurrent, true);
  }

  /** Zeros, invalid, keeping who it is (docker's SetErrorAndReset, after two seconds without a sample). */
  public StatsEntry reset() {
    return new StatsEntry(container, name, id, 0, 0, 0, 0, 0, 0, 0, 0, 0, true);
  }
}
