package io.jdocker.daemon.api.types.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Docker's {@code container.HostConfig} with its embedded {@code Resources}, in dockerd's field
 * order. Go semantics: nil slices are {@code null} on the wire (not {@code []}), pointer fields
 * ({@code PidsLimit}, {@code OomKillDisable}, {@code MemorySwappiness}, {@code Init}) stay null
 * until set, and Go's {@code omitempty} fields are dropped when empty.
 */
public record HostConfig(
    @JsonProperty("Binds") List<String> binds,
    @JsonProperty("ContainerIDFile") String containerIdFile,
    @JsonProperty("LogConfig") LogConfig logConfig,
    @JsonProperty("NetworkMode") String networkMode,
    @JsonProperty("PortBindings") Map<String, List<PortBinding>> portBindings,
    @JsonProperty("RestartPolicy") RestartPolicy restartPolicy,
    @JsonProperty("AutoRemove") boolean autoRemove,
    @JsonProperty("VolumeDriver") String volumeDriver,
    @JsonProperty("VolumesFrom") List<String> volumesFrom,
    @JsonProperty("ConsoleSize") List<Integer> consoleSize,
    @JsonProperty("Annotations") @JsonInclude(Include.NON_EMPTY) Map<String, String> annotations,
    @JsonProperty("CapAdd") List<String> capAdd,
    @JsonProperty("CapDrop") List<String> capDrop,
    @JsonProperty("CgroupnsMode") String cgroupnsMode,
    @JsonProperty("Dns") List<String> dns,
    @JsonProperty("DnsOptions") List<String> dnsOptions,
    @JsonProperty("DnsSearch") List<String> dnsSearch,
    @JsonProperty("ExtraHosts") List<String> extraHosts,
    @JsonProperty("GroupAdd") List<String> groupAdd,
    @JsonProperty("IpcMode") String ipcMode,
    @JsonProperty("Cgroup") String cgroup,
    @JsonProperty("Links") List<String> links,
    @JsonProperty("OomScoreAdj") int oomScoreAdj,
    @JsonProperty("PidMode") String pidMode,
    @JsonProperty("Privileged") boolean privileged,
    @JsonProperty("PublishAllPorts") boolean publishAllPorts,
    @JsonProperty("ReadonlyRootfs") boolean readonlyRootfs,
    @JsonProperty("SecurityOpt") List<String> securityOpt,
    @JsonProperty("StorageOpt") @JsonInclude(Include.NON_EMPTY) Map<String, String> storageOpt,
    @JsonProperty("Tmpfs") @JsonInclude(Include.NON_EMPTY) Map<String, String> tmpfs,
    @JsonProperty("UTSMode") String utsMode,
    @JsonProperty("UsernsMode") String usernsMode,
    @JsonProperty("ShmSize") long shmSize,
    @JsonProperty("Sysctls") @JsonInclude(Include.NON_EMPTY) Map<String, String> sysctls,
    @JsonProperty("Runtime") @JsonInclude(Include.NON_EMPTY) String runtime,
    @JsonProperty("Isolation") String isolation,
    @JsonProperty("CpuShares") long cpuShares,
    @JsonProperty("Memory") long memory,
    @JsonProperty("NanoCpus") long nanoCpus,
    @JsonProperty("CgroupParent") String cgroupParent,
    @JsonProperty("BlkioWeight") int blkioWeight,
    @JsonProperty("BlkioWeightDevice") List<WeightDevice> blkioWeightDevice,
    @JsonProperty("BlkioDeviceReadBps") List<ThrottleDevice> blkioDeviceReadBps,
    @JsonProperty("BlkioDeviceWriteBps") List<ThrottleDevice> blkioDeviceWriteBps,
    @JsonProperty("BlkioDeviceReadIOps") List<ThrottleDevice> blkioDeviceReadIOps,
    @JsonProperty("BlkioDeviceWriteIOps") List<ThrottleDevice> blkioDeviceWriteIOps,
    @JsonProperty("CpuPeriod") long cpuPeriod,
    @JsonProperty("CpuQuota") long cpuQuota,
    @JsonProperty("CpuRealtimePeriod") long cpuRealtimePeriod,
    @JsonProperty("CpuRealtimeRuntime") long cpuRealtimeRuntime,
    @JsonProperty("CpusetCpus") String cpusetCpus,
    @JsonProperty("CpusetMems") String cpusetMems,
    @JsonProperty("Devices") List<DeviceMapping> devices,
    @JsonProperty("DeviceCgroupRules") List<String> deviceCgroupRules,
    @JsonProperty("DeviceRequests") List<Map<String, Object>> deviceRequests,
    @JsonProperty("KernelMemory") @JsonInclude(Include.NON_DEFAULT) long kernelMemory,
    @JsonProperty("KernelMemoryTCP") @JsonInclude(Include.NON_DEFAULT) long kernelMemoryTcp,
    @JsonProperty("MemoryReservation") long memoryReservation,
    @JsonProperty("MemorySwap") long memorySwap,
    @JsonProperty("MemorySwappiness") Long memorySwappiness,
    @JsonProperty("OomKillDisable") Boolean oomKillDisable,
    @JsonProperty("PidsLimit") Long pidsLimit,
    @JsonProperty("Ulimits") List<Ulimit> ulimits,
    @JsonProperty("CpuCount") long cpuCount,
    @JsonProperty("CpuPercent") long cpuPercent,
    @JsonProperty("IOMaximumIOps") long ioMaximumIops,
    @JsonProperty("IOMaximumBandwidth") long ioMaximumBandwidth,
    @JsonProperty("Mounts") @JsonInclude(Include.NON_EMPTY) List<Mount> mounts,
    @JsonProperty("MaskedPaths") List<String> maskedPaths,
    @JsonProperty("ReadonlyPaths") List<String> readonlyPaths,
    @JsonProperty("Init") @JsonInclude(Include.NON_NULL) Boolean init) {

  public HostConfig {
    containerIdFile = orEmpty(containerIdFile);
    logConfig = logConfig == null ? LogConfig.DEFAULT : logConfig;
    networkMode = orEmpty(networkMode);
    restartPolicy = restartPolicy == null ? new RestartPolicy("", 0) : restartPolicy;
    volumeDriver = orEmpty(volumeDriver);
    consoleSize = consoleSize == null || consoleSize.size() != 2 ? List.of(0, 0) : consoleSize;
    cgroupnsMode = orEmpty(cgroupnsMode);
    ipcMode = orEmpty(ipcMode);
    cgroup = orEmpty(cgroup);
    pidMode = orEmpty(pidMode);
    utsMode = orEmpty(utsMode);
    usernsMode = orEmpty(usernsMode);
    runtime = orEmpty(runtime);
    isolation = orEmpty(isolation);
    cgroupParent = orEmpty(cgroupParent);
    cpusetCpus = orEmpty(cpusetCpus);
    cpusetMems = orEmpty(cpusetMems);
  }

  /** A HostConfig with every field at Go's zero value: what a body without "HostConfig" means. */
  public static HostConfig empty() {
    return WireJson.fromTree(WireJson.mapper().createObjectNode(), HostConfig.class);
  }

  /**
   * A copy with some fields replaced, named by their JSON names ({@code "ShmSize"}, ...): the
   * daemon fills in a handful of defaults, and a 74-argument constructor call per default would
   * hide which field changes.
   */
  public HostConfig with(Map<String, ?> jsonFields) {
    ObjectNode tree = WireJson.mapper().valueToTree(this);
    jsonFields.forEach((name, value) -> {
      if (!tree.has(name) && !OMITTABLE.contains(name)) {
        throw new IllegalArgumentException("HostConfig has no field " + name);
      }
      JsonNode node = WireJson.mapper().valueToTree(value);
      tree.set(name, node);
    });
    return WireJson.fromTree(tree, HostConfig.class);
  }

  private static final java.util.Set<String> OMITTABLE = java.util.Set.of(
      "Annotations", "StorageOpt", "Tmpfs", "Sysctls", "Runtime", "KernelMemory", "KernelMemoryTCP", "Mounts", "Init");

  public List<String> bindsOrEmpty() {
    return binds == null ? List.of() : binds;
  }

  public Map<String, String> tmpfsOrEmpty() {
    return tmpfs == null ? Map.of() : tmpfs;
  }

  public List<Mount> mountsOrEmpty() {
    return mounts == null ? List.of() : mounts;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
