package io.jdocker.linux.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.linux.cgroup.CgroupLayout;
import io.jdocker.linux.cgroup.CgroupManager;
import io.jdocker.linux.cgroup.CgroupResources;
import io.jdocker.linux.cgroup.CgroupV1Manager;
import io.jdocker.linux.cgroup.CgroupV2Manager;
import io.jdocker.linux.jnr.JnrProcessSyscalls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real cgroups on this host (v1 per controller, plus the hybrid cgroup2 mount at unified/). */
class ContainerCgroupTest {
  private static final Path ROOT = CgroupLayout.DEFAULT_ROOT;
  private static final String PARENT = "jdocker-test";

  @TempDir Path tmp;
  private InitLauncher launcher;
  private Path rootfs;
  private final List<RunningInit> started = new ArrayList<>();
  private final List<CgroupManager> cgroups = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    BusyboxRootfs.assumeRoot();
    Assumptions.assumeTrue(CgroupLayout.detect() == CgroupLayout.V1, "this host's cgroups are not v1");
    rootfs = BusyboxRootfs.create(Files.createDirectory(tmp.resolve("rootfs")));
    launcher = new InitLauncher(InitHelper.locate(), tmp.resolve("run"), JnrProcessSyscalls.INSTANCE);
  }

  @AfterEach
  void cleanUp() throws Exception {
    try {
      for (RunningInit init : started) {
        init.abort();
        init.waitFor();
      }
    } finally {
      for (CgroupManager cgroup : cgroups) {
        cgroup.destroy();
      }
    }
  }

  @AfterAll
  static void removeTestParents() throws IOException {
    for (Path hierarchy : List.of(ROOT.resolve("memory"), ROOT.resolve("cpu"), ROOT.resolve("cpuacct"),
        ROOT.resolve("cpuset"), ROOT.resolve("pids"), ROOT.resolve("freezer"), ROOT.resolve("blkio"),
        ROOT.resolve("unified"))) {
      Path parent = hierarchy.resolve(PARENT);
      if (Files.isDirectory(parent)) {
        // Leaves a crashed run left behind are empty (their processes died with the test JVM's
        // containers); rmdir works on them despite the control files they list.
        try (var leaves = Files.list(parent)) {
          for (Path leaf : leaves.filter(Files::isDirectory).toList()) {
            Files.delete(leaf);
          }
        }
        Files.delete(parent);
      }
    }
  }

  private CgroupManager v1() {
    CgroupManager m = new CgroupV1Manager(ROOT, PARENT + "/" + UUID.randomUUID(), JnrProcessSyscalls.INSTANCE);
    cgroups.add(m);
    return m;
  }

  private RunningInit startIn(CgroupManager cgroup, CgroupResources limits, String script) throws IOException {
    RunningInit init = launcher.start(ContainerSpec.builder("/bin/sh", "-c", script)
        .rootfs(new ContainerSpec.Directory(rootfs)).env("PATH=/bin").build());
    started.add(init);
    init.stdin().close();
    cgroup.create();
    cgroup.addProcess(init.pid());
    cgroup.applyLimits(limits);
    init.release();
    return init;
  }

  private static CompletableFuture<String> drain(java.io.InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  @Test
  void memoryLimitOomKillsPid1With137() throws Exception {
    CgroupManager cgroup = v1();
    RunningInit init = startIn(cgroup, CgroupResources.NONE.withMemory(8 << 20, 8 << 20),
        "x=0123456789abcdef; while :; do x=$x$x; done");
    drain(init.stdout());
    drain(init.stderr());
    assertEquals(137, init.waitFor());
    assertTrue(cgroup.oomKilled());
  }

  @Test
  void noOomWithoutPressure() throws Exception {
    CgroupManager cgroup = v1();
    RunningInit init = startIn(cgroup, CgroupResources.NONE.withMemory(64 << 20, 64 << 20), "exit 0");
    assertEquals(0, init.waitFor());
    assertFalse(cgroup.oomKilled());
  }

  @Test
  void pidsLimitMakesForkFail() throws Exception {
    CgroupManager cgroup = v1();
    // Without the limit the script prints "started" and kills itself (137); busybox sh exits 2
    // when it cannot fork: sh and four sleeps fill the five slots.
    RunningInit init = startIn(cgroup, CgroupResources.NONE.withPidsLimit(5),
        "for i in 1 2 3 4 5 6 7 8; do sleep 1000 & done; echo started; kill -9 $$");
    CompletableFuture<String> out = drain(init.stdout());
    CompletableFuture<String> err = drain(init.stderr());
    assertEquals(2, init.waitFor());
    assertEquals("", out.get());
    assertTrue(err.get().contains("can't fork"), err.get());
    assertEquals("5", Files.readString(((CgroupV1Manager) cgroup).path("pids").resolve("pids.max")).trim());
  }

  @Test
  void destroyKillsWhatIsLeftAndRemovesTheGroups() throws Exception {
    CgroupV1Manager cgroup = (CgroupV1Manager) v1();
    RunningInit init = startIn(cgroup, CgroupResources.NONE, "sleep 1000 & sleep 1000 & exec sleep 1000");
    assertTrue(init.isAlive());
    cgroup.destroy();
    assertEquals(137, init.waitFor());
    for (String controller : List.of("memory", "cpu", "cpuset", "pids", "freezer")) {
      assertFalse(Files.exists(cgroup.path(controller)), controller);
    }
  }

  @Test
  void cgroup2OnTheHybridMountKillsFreezesAndRemoves() throws Exception {
    Path unified = ROOT.resolve("unified");
    Assumptions.assumeTrue(Files.exists(unified.resolve("cgroup.controllers")), "no cgroup2 mount at " + unified);
    CgroupV2Manager cgroup = new CgroupV2Manager(unified, PARENT + "/" + UUID.randomUUID(), JnrProcessSyscalls.INSTANCE);
    cgroups.add(cgroup);
    RunningInit init = startIn(cgroup, CgroupResources.NONE, "sleep 1000 & exec sleep 1000");
    assertTrue(cgroup.processes().contains(init.pid()));
    cgroup.freeze();
    cgroup.thaw();
    cgroup.destroy();
    assertEquals(137, init.waitFor());
    assertFalse(Files.exists(cgroup.path()));
  }
}
