package io.jdocker.linux.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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

/** CgroupV2StatsReader against a temp dir laid out like a unified hierarchy. */
class CgroupV2StatsReaderTest {
  @TempDir Path root;
  Path dir;

  private void write(String file, String content) throws IOException {
    Files.writeString(dir.resolve(file), content);
  }

  @BeforeEach
  void setUp() throws IOException {
    dir = Files.createDirectories(root.resolve("jdocker/c1"));
    write("cpu.stat", "usage_usec 3500\nuser_usec 2500\nsystem_usec 1000\nnr_periods 10\nnr_throttled 3\n"
        + "throttled_usec 45\nnr_bursts 0\nburst_usec 0\n");
    write("memory.current", "8388608\n");
    write("memory.max", "max\n");
    write("memory.events", "low 0\nhigh 0\nmax 4\noom 1\noom_kill 1\n");
    write("memory.stat", "anon 4096\nfile 8192\ninactive_file 2048\n");
    write("pids.current", "2\n");
    write("pids.max", "max\n");
    write("io.stat", "8:0 rbytes=4096 wbytes=8192 rios=1 wios=2 dbytes=0 dios=0\n");
  }

  private CgroupStats read() throws IOException {
    return CgroupLayout.V2.statsReader(root, "jdocker/c1").read();
  }

  @Test
  void cpuStatMicrosBecomeNanosAndThereIsNoPerCpuList() throws IOException {
    assertEquals(new CgroupStats.Cpu(3_500_000, null, 1_000_000, 2_500_000, 10, 3, 45_000), read().cpu());
  }

  @Test
  void memoryUsageIsMemoryCurrentFailcntIsTheOomCountAndMaxIsUnlimited() throws IOException {
    CgroupStats.Memory memory = read().memory();
    assertEquals(8388608, memory.usage());
    assertEquals(0, memory.maxUsage(), "v2 keeps no high-water mark");
    assertEquals(1, memory.failcnt());
    assertEquals(CgroupStats.UNLIMITED, memory.limit());
    assertEquals(2048L, memory.stat().get("inactive_file"));
    write("memory.max", "67108864\n");
    assertEquals(67108864, read().memory().limit());
  }

  @Test
  void pidsAndIoStat() throws IOException {
    CgroupStats stats = read();
    assertEquals(new CgroupStats.Pids(2, 0), stats.pids());
    assertEquals(List.of(new BlkioEntry(8, 0, "read", 4096), new BlkioEntry(8, 0, "write", 8192)),
        stats.blkio().serviceBytes());
    assertNull(stats.blkio().serviced());
  }

  @Test
  void controllersThatAreNotEnabledReadAsZero() throws IOException {
    for (String f : List.of("memory.current", "memory.max", "memory.events", "memory.stat", "pids.current",
        "pids.max", "io.stat")) {
      Files.delete(dir.resolve(f));
    }
    CgroupStats stats = read();
    assertEquals(0, stats.memory().usage());
    assertEquals(CgroupStats.UNLIMITED, stats.memory().limit());
    assertEquals(new CgroupStats.Pids(0, 0), stats.pids());
    assertNull(stats.blkio().serviceBytes());
  }

  @Test
  void aRemovedGroupIsNoSuchFile() {
    assertThrows(NoSuchFileException.class,
        () -> CgroupLayout.V2.statsReader(root, "jdocker/gone").read());
  }
}
