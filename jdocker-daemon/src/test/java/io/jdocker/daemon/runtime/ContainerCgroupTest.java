package io.jdocker.daemon.runtime;

import static io.jdocker.daemon.runtime.RuntimeFixture.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.linux.cgroup.CgroupLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime's cgroup paths, limits and freezer handshake on fake v1 and v2 trees. */
class ContainerCgroupTest {
  @TempDir Path root;

  private static void noSignals(int pid, int signal) {
    throw new AssertionError("no process should be signalled");
  }

  @Test
  void v2GroupLivesAtRootJdockerIdWithDockersLimits() throws Exception {
    Files.writeString(root.resolve("cgroup.controllers"), "cpuset cpu io memory pids\n");
    Files.writeString(root.resolve("cgroup.subtree_control"), "");
    ContainerCgroup cgroup = new ContainerCgroup(CgroupLayout.V2, root, "jdocker", "abc", ContainerCgroupTest::noSignals);
    cgroup.create(CgroupLimits.of(limits(64 << 20, 0, 500_000_000, 0, null, 20)));
    Path dir = root.resolve("jdocker/abc");
    assertEquals(List.of(dir), cgroup.directories());
    assertTrue(cgroup.exists());
    assertEquals(Long.toString(64 << 20), Files.readString(dir.resolve("memory.max")));
    assertEquals("50000 100000", Files.readString(dir.resolve("cpu.max")));
    assertEquals("20", Files.readString(dir.resolve("pids.max")));
    assertEquals("+cpu +cpuset +memory +pids", Files.readString(root.resolve("cgroup.subtree_control")));
  }

  @Test
  void v2FreezeWaitsForTheKernelToReportFrozen() throws Exception {
    ContainerCgroup cgroup = new ContainerCgroup(CgroupLayout.V2, root, "jdocker", "abc", ContainerCgroupTest::noSignals);
    Path dir = Files.createDirectories(root.resolve("jdocker/abc"));
    Files.writeString(dir.resolve("cgroup.events"), "populated 1\nfrozen 0\n");
    assertThrows(IOException.class, cgroup::freeze, "never reported frozen");
    assertEquals("0", Files.readString(dir.resolve("cgroup.freeze")), "a failed freeze thaws again");
    Files.writeString(dir.resolve("cgroup.events"), "populated 1\nfrozen 1\n");
    cgroup.freeze();
    assertEquals("1", Files.readString(dir.resolve("cgroup.freeze")));
    assertTrue(cgroup.isFrozen());
  }

  @Test
  void v1GroupExistsOncePerControllerHierarchy() throws Exception {
    for (String controller : List.of("memory", "pids", "freezer", "unified")) {
      Files.createDirectories(root.resolve(controller));
    }
    ContainerCgroup cgroup = new ContainerCgroup(CgroupLayout.V1, root, "jdocker", "abc", ContainerCgroupTest::noSignals);
    assertFalse(cgroup.exists());
    cgroup.create(CgroupLimits.of(limits(0, 0, 0, 0, null, 7)));
    assertEquals("7", Files.readString(root.resolve("pids/jdocker/abc/pids.max")));
    assertTrue(Files.isDirectory(root.resolve("memory/jdocker/abc")));
    assertFalse(Files.exists(root.resolve("unified/jdocker")), "the hybrid v2 mount is not ours");
    Files.writeString(root.resolve("freezer/jdocker/abc/freezer.state"), "FROZEN\n");
    assertTrue(cgroup.isFrozen());
    assertTrue(cgroup.exists());
  }
}
