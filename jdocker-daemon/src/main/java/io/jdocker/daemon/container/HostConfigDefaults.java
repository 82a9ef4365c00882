package io.jdocker.daemon.container;

import io.jdocker.daemon.api.types.container.HostConfig;
import io.jdocker.daemon.api.types.container.LogConfig;
import io.jdocker.daemon.api.types.container.RestartPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The defaults dockerd writes into a new container's HostConfig (adaptContainerSettings), so that
 * inspect shows what Docker shows: LogConfig type "json-file", NetworkMode "default", RestartPolicy "no", MemorySwap twice
 * Memory, ShmSize 64 MiB, IpcMode "private", CgroupnsMode "private" on cgroup v2 else "host",
 * OomKillDisable false, Runtime "runc", the default masked and read-only paths.
 */
public final class HostConfigDefaults {
  public static final long DEFAULT_SHM_SIZE = 64L * 1024 * 1024;

  /** runc's / Docker's default masked paths. */
  public static final List<String> MASKED_PATHS = List.of("/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys",
      "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi",
      "/sys/firmware", "/sys/devices/virtual/powercap");

  public static final List<String> READONLY_PATHS =
      List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");

  private HostConfigDefaults() {}

  public static HostConfig apply(HostConfig h, boolean cgroupV2) {
    Map<String, Object> set = new LinkedHashMap<>();
    if (h.logConfig().type().isEmpty()) {
      set.put("LogConfig", new LogConfig("json-file", h.logConfig().config()));
    }
    if (h.networkMode().isEmpty()) {
      set.put("NetworkMode", "default");
    }
    if (h.restartPolicy().name().isEmpty()) {
      set.put("RestartPolicy", new RestartPolicy("no", h.restartPolicy().maximumRetryCount()));
    }
    if (h.memory() > 0 && h.memorySwap() == 0) {
      set.put("MemorySwap", h.memory() * 2);
    }
    if (h.shmSize() == 0) {
      set.put("ShmSize", DEFAULT_SHM_SIZE);
    }
    if (h.ipcMode().isEmpty()) {
      set.put("IpcMode", "private");
    }
    if (h.cgroupnsMode().isEmpty()) {
      set.put("CgroupnsMode", cgroupV2 ? "private" : "host");
    }
    if (h.oomKillDisable() == null) {
      set.put("OomKillDisable", false);
    }
    if (h.runtime().isEmpty()) {
      set.put("Runtime", "runc");
    }
    if (h.maskedPaths() == null && !h.privileged()) {
      set.put("MaskedPaths", MASKED_PATHS);
    }
    if (h.readonlyPaths() == null && !h.privileged()) {
      set.put("ReadonlyPaths", READONLY_PATHS);
    }
    return set.isEmpty() ? h : h.with(set);
  }
}
