package io.jdocker.linux.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdocker.linux.cgroup.CgroupStats.BlkioEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CgroupV1StatsReader against a temp dir laid out like a v1 host's /sys/fs/cgroup. */
class CgroupV1StatsReaderTest {
  private static final String GROUP = "jdocker/c1";
  @TempDir Path root;

  private void write(String controller, String file, String content) throws IOException {
    Path dir = Files.createDirectories(root.resolve(controller).resolve(GROUP));
    Files.writeString(dir.resolve(file), content);
  }

  @BeforeEach
  void setUp() throws IOException {
    write("cpuacct", "cpuacct.usage", "3500000000\n");
    write("cpuacct", "cpuacct.usage_percpu", "1000000000 2500000000 \n");
    write("cpuacct", "cpuacct.stat", "user 250\nsystem 75\n");
    write("cpu", "cpu.stat", "nr_periods 10\nnr_throttled 3\nthrottled_time 4500\nnr_bursts 0\nburst_time 0\n");
    write("memory", "memory.usage_in_bytes", "8388608\n");
    write("memory", "memory.max_usage_in_bytes", "9437184\n");
    write("memory", "memory.failcnt", "2\n");
    write("memory", "memory.limit_in_bytes", "9223372036854771712\n");
    write("memory", "memory.stat", "cache 4096\nrss 8192\ntotal_inactive_file 1024\n");
    write("pids", "pids.current", "3\n");
    write("pids", "pids.max", "max\n");
    write("blkio", "blkio.throttle.io_service_bytes", "8:0 Read 4096\n8:0 Write 8192\n8:0 Total 12288\nTotal 12288\n");
    write("blkio", "blkio.throttle.io_serviced", "8:0 Read 1\n8:0 Write 2\nTotal 3\n");
  }

  private CgroupStats read() throws IOException {
    return new CgroupV1StatsReader(root, GROUP).read();
  }

  @Test
  void cpuComesFromCpuacctInNanosAndThrottlingFromCpuStat() throws IOException {
    CgroupStats.Cpu cpu = read().cpu();
    assertEquals(3_500_000_000L, cpu.totalNanos());
    assertEquals(List.of(1_000_000_000L, 2_500_000_000L), cpu.perCpuNanos());
    assertEquals(2_500_000_000L, cpu.userNanos(), "250 ticks of 10 ms");
    assertEquals(750_000_000L, cpu.kernelNanos());
    assertEquals(10, cpu.periods());
    assertEquals(3, cpu.throttledPeriods());
    assertEquals(4500, cpu.throttledNanos(), "v1 throttled_time is already in ns");
  }

  @Test
  void memoryHasUsageMaxUsageFailcntLimitAndTheStatFile() throws IOException {
    CgroupStats.Memory memory = read().memory();
    assertEquals(8388608, memory.usage());
    assertEquals(9437184, memory.maxUsage());
    assertEquals(2, memory.failcnt());
    assertEquals(9223372036854771712L, memory.limit(), "v1's unlimited, left for the caller to cap");
    assertEquals(List.of("cache", "rss", "total_inactive_file"), List.copyOf(memory.stat().keySet()));
  }

  @Test
  void pidsCurrentAndAnUnlimitedMaxAsZero() throws IOException {
    assertEquals(new CgroupStats.Pids(3, 0), read().pids());
    write("pids", "pids.max", "100\n");
    assertEquals(new CgroupStats.Pids(3, 100), read().pids());
  }

  @Test
  void blkioFallsBackToTheThrottleCountersWithoutCfq() throws IOException {
    CgroupStats.Blkio blkio = read().blkio();
    assertEquals(List.of(new BlkioEntry(8, 0, "Read", 4096), new BlkioEntry(8, 0, "Write", 8192),
        new BlkioEntry(8, 0, "Total", 12288)), blkio.serviceBytes());
    assertEquals(2, blkio.serviced().size());
  }

  @Test
  void cfqCountersWinWhenTheyHaveSeenIo() throws IOException {
    write("blkio", "blkio.io_serviced_recursive", "8:0 Read 5\nTotal 5\n");
    write("blkio", "blkio.io_service_bytes_recursive", "8:0 Read 20480\nTotal 20480\n");
    assertEquals(List.of(new BlkioEntry(8, 0, "Read", 20480)), read().blkio().serviceBytes());
    write("blkio", "blkio.io_serviced_recursive", "Total 0\n");
    write("blkio", "blkio.io_service_bytes_recursive", "Total 0\n");
    assertEquals(4096, read().blkio().serviceBytes().getFirst().value(), "empty CFQ files: throttle counters");
  }

  @Test
  void hierarchiesThatAreNotMountedReadAsZero() throws IOException {
    for (String c : List.of("pids", "blkio", "cpu")) {
      try (var files = Files.walk(root.resolve(c))) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    CgroupStats stats = read();
    assertEquals(new CgroupStats.Pids(0, 0), stats.pids());
    assertEquals(List.of(), stats.blkio().serviceBytes());
    assertEquals(0, stats.cpu().periods());
    assertEquals(3_500_000_000L, stats.cpu().totalNanos());
  }

  @Test
  void aRemovedGroupIsNoSuchFile() throws IOException {
    Files.delete(root.resolve("memory").resolve(GROUP).resolve("memory.usage_in_bytes"));
    assertThrows(NoSuchFileException.class, this::read);
  }
}
