package io.jdocker.linux.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CgroupV1Manager against a temp dir laid out like /sys/fs/cgroup on a v1 host. */
class CgroupV1ManagerTest {
  @TempDir Path root;
  private final RecordingSignaller signaller = new RecordingSignaller();
  private CgroupV1Manager manager;

  @BeforeEach
  void setUp() throws IOException {
    for (String c : List.of("memory", "cpu", "cpuacct", "cpuset", "pids", "freezer")) {
      Files.createDirectories(root.resolve(c));
    }
    Files.writeString(root.resolve("cpuset/cpuset.cpus"), "0-1\n");
    Files.writeString(root.resolve("cpuset/cpuset.mems"), "0\n");
    manager = new CgroupV1Manager(root, "jdocker/c1", signaller);
  }

  private String read(String path) throws IOException {
    return Files.readString(root.resolve(path));
  }

  @Test
  void createMakesTheGroupInEveryMountedHierarchyAndSkipsMissingOnes() throws IOException {
    manager.create();
    for (String c : List.of("memory", "cpu", "cpuacct", "cpuset", "pids", "freezer")) {
      assertTrue(Files.isDirectory(root.resolve(c + "/jdocker/c1")), c);
    }
    assertFalse(Files.exists(root.resolve("blkio")));
  }

  @Test
  void createCopiesCpusetCpusAndMemsFromTheParentAtEveryLevel() throws IOException {
    manager.create();
    assertEquals("0-1", read("cpuset/jdocker/cpuset.cpus"));
    assertEquals("0", read("cpuset/jdocker/cpuset.mems"));
    assertEquals("0-1", read("cpuset/jdocker/c1/cpuset.cpus"));
    assertEquals("0", read("cpuset/jdocker/c1/cpuset.mems"));
  }

  @Test
  void addProcessWritesThePidToEachHierarchy() throws IOException {
    manager.create();
    manager.addProcess(4242);
    for (String c : List.of("memory", "cpu", "cpuacct", "cpuset", "pids", "freezer")) {
      assertEquals("4242", read(c + "/jdocker/c1/cgroup.procs"), c);
    }
  }

  @Test
  void applyLimitsWritesDockersV1Files() throws IOException {
    manager.create();
    manager.applyLimits(CgroupResources.NONE.withMemory(8 << 20, 16 << 20).withCpu(50_000, 100_000, 512)
        .withCpuset("1", "0").withPidsLimit(5));
    assertEquals("8388608", read("memory/jdocker/c1/memory.limit_in_bytes"));
    assertFalse(Files.exists(root.resolve("memory/jdocker/c1/memory.memsw.limit_in_bytes")),
        "memsw is written only when the kernel has swap accounting");
    assertEquals("100000", read("cpu/jdocker/c1/cpu.cfs_period_us"));
    assertEquals("50000", read("cpu/jdocker/c1/cpu.cfs_quota_us"));
    assertEquals("512", read("cpu/jdocker/c1/cpu.shares"));
    assertEquals("1", read("cpuset/jdocker/c1/cpuset.cpus"));
    assertEquals("5", read("pids/jdocker/c1/pids.max"));
  }

  @Test
  void memswIsWrittenWhenPresentAndUnlimitedMeansMinusOneOrMax() throws IOException {
    manager.create();
    Files.writeString(root.resolve("memory/jdocker/c1/memory.memsw.limit_in_bytes"), "9223372036854771712\n");
    manager.applyLimits(CgroupResources.NONE.withMemory(-1, -1).withPidsLimit(-1));
    assertEquals("-1", read("memory/jdocker/c1/memory.limit_in_bytes"));
    assertEquals("-1", read("memory/jdocker/c1/memory.memsw.limit_in_bytes"));
    assertEquals("max", read("pids/jdocker/c1/pids.max"));
  }

  @Test
  void unsetLimitsWriteNothing() throws IOException {
    manager.create();
    manager.applyLimits(CgroupResources.NONE);
    try (var files = Files.list(root.resolve("memory/jdocker/c1"))) {
      assertEquals(0, files.count());
    }
    assertFalse(Files.exists(root.resolve("pids/jdocker/c1/pids.max")));
  }

  @Test
  void oomKilledReadsOomKillFromOomControl() throws IOException {
    manager.create();
    Path control = root.resolve("memory/jdocker/c1/memory.oom_control");
    Files.writeString(control, "oom_kill_disable 0\nunder_oom 0\noom_kill 0\n");
    assertFalse(manager.oomKilled());
    Files.writeString(control, "oom_kill_disable 0\nunder_oom 0\noom_kill 1\n");
    assertTrue(manager.oomKilled());
  }

  @Test
  void freezeAndThawUseTheFreezerHierarchy() throws IOException {
    manager.create();
    manager.freeze();
    assertEquals("FROZEN", read("freezer/jdocker/c1/freezer.state"));
    manager.thaw();
    assertEquals("THAWED", read("freezer/jdocker/c1/freezer.state"));
  }

  @Test
  void processesUnionsAllHierarchies() throws IOException {
    manager.create();
    Files.writeString(root.resolve("memory/jdocker/c1/cgroup.procs"), "10\n11\n");
    Files.writeString(root.resolve("pids/jdocker/c1/cgroup.procs"), "11\n12\n");
    assertEquals(List.of(10, 11, 12), manager.processes());
  }

  @Test
  void groupNamesThatLeaveTheRootAreRejected() {
    for (String bad : List.of("../x", "/abs", "a/../../b", "")) {
      assertThrows(IllegalArgumentException.class, () -> new CgroupV1Manager(root, bad, signaller), bad);
    }
  }
}
