package io.jdocker.daemon.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.daemon.api.types.container.HostConfig;
import io.jdocker.daemon.api.types.container.RestartPolicy;
import io.jdocker.errdefs.InvalidParameterException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.Arguments;
import java.util.stream.Stream;

class ResourcesTest {
  private static final long MB = 1024 * 1024;

  private static HostConfig host(Object... kv) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return HostConfig.empty().with(m);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(host("Memory", 5 * MB), "Minimum memory limit allowed is 6MB"),
        Arguments.of(host("Memory", 64 * MB, "MemorySwap", 32 * MB),
            "Minimum memoryswap limit should be larger than memory limit, see usage"),
        Arguments.of(host("MemorySwap", 64 * MB), "You should always set the Memory limit when using Memoryswap limit, see usage"),
        Arguments.of(host("MemorySwappiness", 101), "Invalid value: 101, valid memory swappiness range is 0-100"),
        Arguments.of(host("MemoryReservation", MB), "Minimum memory reservation allowed is 6MB"),
        Arguments.of(host("Memory", 10 * MB, "MemoryReservation", 20 * MB),
            "Minimum memory limit can not be less than memory reservation limit, see usage"),
        Arguments.of(host("NanoCpus", 500_000_000L, "CpuPeriod", 100_000L),
            "Conflicting options: Nano CPUs and CPU Period cannot both be set"),
        Arguments.of(host("NanoCpus", 500_000_000L, "CpuQuota", 50_000L),
            "Conflicting options: Nano CPUs and CPU Quota cannot both be set"),
        Arguments.of(host("NanoCpus", 3_000_000_000L), "Range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs available"),
        Arguments.of(host("CpuPeriod", 500L), "CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)"),
        Arguments.of(host("CpuQuota", 500L), "CPU cfs quota can not be less than 1ms (i.e. 1000)"),
        Arguments.of(host("BlkioWeight", 5), "Range of blkio weight is from 10 to 1000"),
        Arguments.of(host("ShmSize", -1L), "SHM size can not be less than 0"),
        Arguments.of(host("OomScoreAdj", 1001), "Invalid value 1001, range for oom score adj is [-1000, 1000]"),
        Arguments.of(host("CpusetCpus", "0-"), "Invalid value 0- for cpuset cpus"),
        Arguments.of(host("CpusetCpus", "1-3"), "Requested CPUs are not available - requested 1-3, available: 0-1"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("invalid")
  void rejected(HostConfig h, String message) {
    assertEquals(message, assertThrows(InvalidParameterException.class, () -> ResourceValidator.validate(h, 2)).getMessage());
  }

  @Test
  void accepted() {
    assertEquals(List.of(), ResourceValidator.validate(HostConfig.empty(), 2));
    assertEquals(List.of(), ResourceValidator.validate(
        host("Memory", 6 * MB, "MemorySwap", -1L, "MemorySwappiness", -1, "NanoCpus", 2_000_000_000L, "CpusetCpus", "0,1"), 2));
    assertEquals(List.of(), ResourceValidator.validate(host("CpuQuota", 50_000L, "CpuPeriod", 100_000L), 2));
    assertTrue(ResourceValidator.validate(host("OomKillDisable", true), 2).getFirst().startsWith("OOM killer is disabled"));
  }

  @Test
  void limitsInCgroupUnits() {
    ResourceLimits l = ResourceLimits.of(host("Memory", 64 * MB, "NanoCpus", 500_000_000L, "PidsLimit", 50L, "CpuShares", 512L));
    assertEquals(64 * MB, l.memoryBytes());
    assertEquals(128 * MB, l.memorySwapBytes(), "Docker's default swap is twice the memory");
    assertEquals(50_000, l.cpuQuotaMicros());
    assertEquals(100_000, l.cpuPeriodMicros());
    assertEquals(50, l.pidsLimit());
    assertEquals(512, l.cpuShares());
    assertEquals(-1, ResourceLimits.of(host("Memory", 64 * MB, "MemorySwap", -1L)).memorySwapBytes());
    assertEquals(0, ResourceLimits.of(host("PidsLimit", -1L)).pidsLimit());
    assertEquals(0, ResourceLimits.of(HostConfig.empty()).memorySwapBytes());
    assertEquals(25_000, ResourceLimits.of(host("CpuQuota", 25_000L, "CpuPeriod", 50_000L)).cpuQuotaMicros());
  }

  @Test
  void dockerdsDefaultsAreFilledIn() {
    HostConfig h = HostConfigDefaults.apply(host("Memory", 64 * MB), false);
    assertEquals("json-file", h.logConfig().type());
    assertEquals("default", h.networkMode());
    assertEquals(RestartPolicy.NO, h.restartPolicy());
    assertEquals(128 * MB, h.memorySwap());
    assertEquals(64 * MB, h.shmSize());
    assertEquals("private", h.ipcMode());
    assertEquals("host", h.cgroupnsMode());
    assertEquals(Boolean.FALSE, h.oomKillDisable());
    assertEquals("runc", h.runtime());
    assertEquals(HostConfigDefaults.MASKED_PATHS, h.maskedPaths());
    assertEquals("private", HostConfigDefaults.apply(HostConfig.empty(), true).cgroupnsMode());
    HostConfig set = host("NetworkMode", "none", "ShmSize", 1L, "IpcMode", "host", "MemorySwap", -1L, "Memory", 64 * MB);
    HostConfig kept = HostConfigDefaults.apply(set, false);
    assertEquals("none", kept.networkMode());
    assertEquals(1L, kept.shmSize());
    assertEquals("host", kept.ipcMode());
    assertEquals(-1L, kept.memorySwap());
    assertEquals(h, HostConfigDefaults.apply(h, false), "applying twice changes nothing");
  }
}
