package io.jdocker.linux.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CgroupV2Manager against a temp dir laid out like a unified /sys/fs/cgroup. */
class CgroupV2ManagerTest {
  @TempDir Path root;
  private final RecordingSignaller signaller = new RecordingSignaller();
  private CgroupV2Manager manager;

  @BeforeEach
  void setUp() throws IOException {
    Files.writeString(root.resolve("cgroup.controllers"), "cpuset cpu io memory hugetlb pids rdma misc\n");
    Files.writeString(root.resolve("cgroup.subtree_control"), "cpu memory\n");
    manager = new CgroupV2Manager(root, "jdocker/c1", signaller);
  }

  private String read(String path) throws IOException {
    return Files.readString(root.resolve(path));
  }

  @Test
  void layoutIsDetectedByCgroupControllers(@TempDir Path v1) {
    assertEquals(CgroupLayout.V2, CgroupLayout.detect(root));
    assertEquals(CgroupLayout.V1, CgroupLayout.detect(v1));
  }

  @Test
  void createEnablesMissingControllersInEveryAncestor() throws IOException {
    manager.create();
    assertEquals("+cpuset +pids", read("cgroup.subtree_control"));
    assertTrue(Files.isDirectory(root.resolve("jdocker/c1")));
  }

  @Test
  void createEnablesOnlyWhatTheParentOffers() throws IOException {
    Files.createDirectories(root.resolve("jdocker"));
    Files.writeString(root.resolve("jdocker/cgroup.controllers"), "memory pids\n");
    manager.create();
    assertEquals("+memory +pids", read("jdocker/cgroup.subtree_control"));
  }

  @Test
  void applyLimitsWritesV2Files() throws IOException {
    manager.create();
    Files.writeString(root.resolve("jdocker/c1/memory.swap.max"), "max\n");
    manager.applyLimits(CgroupResources.NONE.withMemory(8 << 20, 24 << 20).withCpu(50_000, 100_000, 1024)
        .withCpuset("0", "0").withPidsLimit(5));
    assertEquals("8388608", read("jdocker/c1/memory.max"));
    assertEquals("16777216", read("jdocker/c1/memory.swap.max"));
    assertEquals("50000 100000", read("jdocker/c1/cpu.max"));
    assertEquals("39", read("jdocker/c1/cpu.weight"));
    assertEquals("0", read("jdocker/c1/cpuset.cpus"));
    assertEquals("0", read("jdocker/c1/cpuset.mems"));
    assertEquals("5", read("jdocker/c1/pids.max"));
  }

  @Test
  void unlimitedValuesAreMax() throws IOException {
    manager.create();
    Files.writeString(root.resolve("jdocker/c1/memory.swap.max"), "0\n");
    manager.applyLimits(CgroupResources.NONE.withMemory(-1, -1).withCpu(-1, 0, 0).withPidsLimit(-1));
    assertEquals("max", read("jdocker/c1/memory.max"));
    assertEquals("max", read("jdocker/c1/memory.swap.max"));
    assertEquals("max 100000", read("jdocker/c1/cpu.max"));
    assertEquals("max", read("jdocker/c1/pids.max"));
  }

  @Test
  void swapOfEqualMemoryAndMemorySwapIsZero() throws IOException {
    manager.create();
    Files.writeString(root.resolve("jdocker/c1/memory.swap.max"), "max\n");
    manager.applyLimits(CgroupResources.NONE.withMemory(8 << 20, 8 << 20));
    assertEquals("0", read("jdocker/c1/memory.swap.max"));
  }

  @Test
  void sharesMapOntoWeightLikeRunc() {
    assertEquals(1, CgroupV2Manager.weightFromShares(2));
    assertEquals(39, CgroupV2Manager.weightFromShares(1024));
    assertEquals(10000, CgroupV2Manager.weightFromShares(262144));
  }

  @Test
  void addProcessFreezeAndOom() throws IOException {
    manager.create();
    manager.addProcess(77);
    assertEquals("77", read("jdocker/c1/cgroup.procs"));
    manager.freeze();
    assertEquals("1", read("jdocker/c1/cgroup.freeze"));
    manager.thaw();
    assertEquals("0", read("jdocker/c1/cgroup.freeze"));
    Files.writeString(root.resolve("jdocker/c1/memory.events"), "low 0\nhigh 0\nmax 3\noom 1\noom_kill 0\n");
    assertFalse(manager.oomKilled());
    Files.writeString(root.resolve("jdocker/c1/memory.events"), "low 0\nhigh 0\nmax 9\noom 2\noom_kill 1\n");
    assertTrue(manager.oomKilled());
  }
}
