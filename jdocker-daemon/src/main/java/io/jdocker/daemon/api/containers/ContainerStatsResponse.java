package io.jdocker.daemon.api.containers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.jdocker.daemon.container.GoTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /containers/{id}/stats}: dockerd's StatsResponse, field for field. Go's
 * {@code omitempty} fields are left out when zero; the blkio lists are written even when null,
 * and a null {@link Instant} is Go's zero time, as dockerd writes them.
 */
@JsonPropertyOrder({"read", "preread", "pids_stats", "blkio_stats", "num_procs", "storage_stats", "cpu_stats",
    "precpu_stats", "memory_stats", "name", "id", "networks"})
public record ContainerStatsResponse(
    @JsonProperty("read") @JsonSerialize(using = GoTime.Writer.class, nullsUsing = GoTime.Writer.class)
        Instant read,
    @JsonProperty("preread") @JsonSerialize(using = GoTime.Writer.class, nullsUsing = GoTime.Writer.class)
        Instant preread,
    @JsonProperty("pids_stats") PidsStats pidsStats,
    @JsonProperty("blkio_stats") BlkioStats blkioStats,
    @JsonProperty("num_procs") long numProcs,
    @JsonProperty("storage_stats") StorageStats storageStats,
    @JsonProperty("cpu_stats") CpuStats cpuStats,
    @JsonProperty("precpu_stats") CpuStats precpuStats,
    @JsonProperty("memory_stats") MemoryStats memoryStats,
    @JsonProperty("name") @JsonInclude(Include.NON_EMPTY) String name,
    @JsonProperty("id") @JsonInclude(Include.NON_EMPTY) String id,
    @JsonProperty("networks") @JsonInclude(Include.NON_EMPTY) Map<String, NetworkStats> networks) {

  /** What dockerd answers for a container that is not running: zeros and zero times, with its name and ID. */
  public static ContainerStatsResponse empty(String name, String id) {
    return new ContainerStatsResponse(null, null, new PidsStats(0, 0), BlkioStats.NONE, 0, new StorageStats(),
        CpuStats.ZERO, CpuStats.ZERO, MemoryStats.NONE, name, id, null);
  }

  /** This sample with {@code previous}'s read time and CPU counters as its "pre" fields. */
  public ContainerStatsResponse after(ContainerStatsResponse previous) {
    return new ContainerStatsResponse(read, previous.read(), pidsStats, blkioStats, numProcs, storageStats, cpuStats,
        previous.cpuStats(), memoryStats, name, id, networks);
  }

  @JsonPropertyOrder({"current", "limit"})
  public record PidsStats(
      @JsonProperty("current") @JsonInclude(Include.NON_DEFAULT) long current,
      @JsonProperty("limit") @JsonInclude(Include.NON_DEFAULT) long limit) {}

  @JsonPropertyOrder({"io_service_bytes_recursive", "io_serviced_recursive", "io_queue_recursive",
      "io_service_time_recursive", "io_wait_time_recursive", "io_merged_recursive", "io_time_recursive",
      "sectors_recursive"})
  public record BlkioStats(
      @JsonProperty("io_service_bytes_recursive") List<BlkioStatEntry> ioServiceBytesRecursive,
      @JsonProperty("io_serviced_recursive") List<BlkioStatEntry> ioServicedRecursive,
      @JsonProperty("io_queue_recursive") List<BlkioStatEntry> ioQueueRecursive,
      @JsonProperty("io_service_time_recursive") List<BlkioStatEntry> ioServiceTimeRecursive,
      @JsonProperty("io_wait_time_recursive") List<BlkioStatEntry> ioWaitTimeRecursive,
      @JsonProperty("io_merged_recursive") List<BlkioStatEntry> ioMergedRecursive,
      @JsonProperty("io_time_recursive") List<BlkioStatEntry> ioTimeRecursive,
      @JsonProperty("sectors_recursive") List<BlkioStatEntry> sectorsRecursive) {
    public static final BlkioStats NONE = new BlkioStats(null, null, null, null, null, null, null, null);
  }

  @JsonPropertyOrder({"major", "minor", "op", "value"})
  public record BlkioStatEntry(@JsonProperty("major") long major, @JsonProperty("minor") long minor,
      @JsonProperty("op") String op, @JsonProperty("value") long value) {}

  /** Windows' disk counters: always {@code {}} on Linux. */
  public record StorageStats() {}

  @JsonPropertyOrder({"cpu_usage", "system_cpu_usage", "online_cpus", "throttling_data"})
  public record CpuStats(
      @JsonProperty("cpu_usage") CpuUsage cpuUsage,
      @JsonProperty("system_cpu_usage") @JsonInclude(Include.NON_DEFAULT) long systemCpuUsage,
      @JsonProperty("online_cpus") @JsonInclude(Include.NON_DEFAULT) long onlineCpus,
      @JsonProperty("throttling_data") ThrottlingData throttlingData) {
    public static final CpuStats ZERO = new CpuStats(new CpuUsage(0, null, 0, 0), 0, 0, new ThrottlingData(0, 0, 0));
  }

  /** @param percpuUsage cgroup v1 only */
  @JsonPropertyOrder({"total_usage", "percpu_usage", "usage_in_kernelmode", "usage_in_usermode"})
  public record CpuUsage(
      @JsonProperty("total_usage") long totalUsage,
      @JsonProperty("percpu_usage") @JsonInclude(Include.NON_EMPTY) List<Long> percpuUsage,
      @JsonProperty("usage_in_kernelmode") long usageInKernelmode,
      @JsonProperty("usage_in_usermode") long usageInUsermode) {}

  @JsonPropertyOrder({"periods", "throttled_periods", "throttled_time"})
  public record ThrottlingData(
      @JsonProperty("periods") long periods,
      @JsonProperty("throttled_periods") long throttledPeriods,
      @JsonProperty("throttled_time") long throttledTime) {}

  /** @param maxUsage cgroup v1 only; @param stats the cgroup's memory.stat (its keys differ by version) */
  @JsonPropertyOrder({"usage", "max_usage", "stats", "failcnt", "limit"})
  public record MemoryStats(
      @JsonProperty("usage") @JsonInclude(Include.NON_DEFAULT) long usage,
      @JsonProperty("max_usage") @JsonInclude(Include.NON_DEFAULT) long maxUsage,
      @JsonProperty("stats") @JsonInclude(Include.NON_EMPTY) Map<String, Long> stats,
      @JsonProperty("failcnt") @JsonInclude(Include.NON_DEFAULT) long failcnt,
      @JsonProperty("limit") @JsonInclude(Include.NON_DEFAULT) long limit) {
    public static final MemoryStats NONE = new MemoryStats(0, 0, null, 0, 0);
  }

  @JsonPropertyOrder({"rx_bytes", "rx_packets", "rx_errors", "rx_dropped", "tx_bytes", "tx_packets", "tx_errors",
      "tx_dropped"})
  public record NetworkStats(
      @JsonProperty("rx_bytes") long rxBytes,
      @JsonProperty("rx_packets") long rxPackets,
      @JsonProperty("rx_errors") long rxErrors,
      @JsonProperty("rx_dropped") long rxDropped,
      @JsonProperty("tx_bytes") long txBytes,
      @JsonProperty("tx_packets") long txPackets,
      @JsonProperty("tx_errors") long txErrors,
      @JsonProperty("tx_dropped") long txDropped) {}
}
