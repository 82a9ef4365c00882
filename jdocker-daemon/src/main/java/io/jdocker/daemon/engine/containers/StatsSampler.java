package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.api.containers.ContainerStatsResponse;
import io.jdocker.daemon.api.containers.ContainerStatsResponse.BlkioStatEntry;
import io.jdocker.daemon.api.containers.ContainerStatsResponse.BlkioStats;
import io.jdocker.daemon.api.containers.ContainerStatsResponse.CpuStats;
import io.jdocker.daemon.api.containers.ContainerStatsResponse.CpuUsage;
import io.jdocker.daemon.api.containers.ContainerStatsResponse.MemoryStats;
import io.jdocker.daemon.api.containers.ContainerStatsResponse.NetworkStats;
import io.jdocker.daemon.api.containers.ContainerStatsResponse.PidsStats;
import io.jdocker.daemon.api.containers.ContainerStatsResponse.StorageStats;
import io.jdocker.daemon.api.containers.ContainerStatsResponse.ThrottlingData;
import io.jdocker.daemon.container.Container;
import io.jdocker.linux.cgroup.CgroupStats;
import io.jdocker.linux.process.ProcMeminfo;
import io.jdocker.linux.process.ProcNetDev;
import io.jdocker.linux.process.SystemCpuUsage;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One stats sample of a running container in dockerd's shape: its cgroup counters, the host's
 * CPU time read right after them (CPU % compares the two deltas), and the counters of its
 * network interfaces from {@code /proc/PID/net/dev}. Maps are sorted by key, as Go writes them.
 */
final class StatsSampler {
  private final Path procRoot;
  private volatile long hostMemory = -1;

  /** @param procRoot /proc, or a fake one in tests */
  StatsSampler(Path procRoot) {
    this.procRoot = procRoot;
  }

  /** The sample, or null once the container's cgroup is gone (it has exited). */
  ContainerStatsResponse sample(Container c, LiveProcess process) throws IOException {
    Instant read = Instant.now();
    Optional<CgroupStats> cgroup = process.cgroupStats();
    if (cgroup.isEmpty()) {
      return null;
    }
    CgroupStats s = cgroup.get();
    SystemCpuUsage host = SystemCpuUsage.read(procRoot);
    CgroupStats.Cpu cpu = s.cpu();
    CpuStats cpuStats = new CpuStats(
        new CpuUsage(cpu.totalNanos(), cpu.perCpuNanos(), cpu.kernelNanos(), cpu.userNanos()),
        host.totalNanos(), host.onlineCpus(),
        new ThrottlingData(cpu.periods(), cpu.throttledPeriods(), cpu.throttledNanos()));
    return new ContainerStatsResponse(read, null, new PidsStats(s.pids().current(), s.pids().limit()),
        blkio(s.blkio()), 0, new StorageStats(), cpuStats, CpuStats.ZERO, memory(s.memory()), c.displayName(),
        c.id().value(), networks(c, process));
  }

  /** As dockerd: a container without a memory limit reports the host's memory as its limit. */
  private MemoryStats memory(CgroupStats.Memory m) throws IOException {
    long host = hostMemory();
    long limit = host > 0 && m.limit() > host ? host : m.limit();
    return new MemoryStats(m.usage(), m.maxUsage(), new TreeMap<>(m.stat()), m.failcnt(), limit);
  }

  private long hostMemory() throws IOException {
    if (hostMemory < 0) {
      hostMemory = ProcMeminfo.totalBytes(procRoot);
    }
    return hostMemory;
  }

  /** On v1 dockerd writes [] for the CFQ-only lists it has nothing for; on v2 all but the first are null. */
  private static BlkioStats blkio(CgroupStats.Blkio b) {
    List<BlkioStatEntry> unsupported = b.serviced() == null ? null : List.of();
    return new BlkioStats(entries(b.serviceBytes()), entries(b.serviced()), unsupported, unsupported, unsupported,
        unsupported, unsupported, unsupported);
  }

  private static List<BlkioStatEntry> entries(List<CgroupStats.BlkioEntry> entries) {
    return entries == null ? null
        : entries.stream().map(e -> new BlkioStatEntry(e.major(), e.minor(), e.op(), e.value())).toList();
  }

  /**
   * The container's interfaces but lo, as dockerd lists only the ones its network drivers made:
   * none with {@code --network none}, and none with {@code host}, whose /proc view is the host's.
   */
  private Map<String, NetworkStats> networks(Container c, LiveProcess process) throws IOException {
    if ("host".equals(c.hostConfig().networkMode())) {
      return null;
    }
    Map<String, ProcNetDev.Counters> interfaces;
    try {
      interfaces = ProcNetDev.read(procRoot, process.pid());
    } catch (NoSuchFileException e) {
      return null; // exited meanwhile
    }
    Map<String, NetworkStats> out = new TreeMap<>();
    interfaces.forEach((name, n) -> {
      if (!name.equals("lo")) {
        out.put(name, new NetworkStats(n.rxBytes(), n.rxPackets(), n.rxErrors(), n.rxDropped(), n.txBytes(),
            n.txPackets(), n.txErrors(), n.txDropped()));
      }
    });
    return out.isEmpty() ? null : out;
  }
}
