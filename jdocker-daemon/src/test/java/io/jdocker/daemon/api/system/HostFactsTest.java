package io.jdocker.daemon.api.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostFactsTest {
  @TempDir Path root;

  private void file(String path, String content) throws Exception {
    Path p = root.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  @Test
  void readsKernelOsMemoryHostnameAndCgroupV1() throws Exception {
    file("proc/sys/kernel/osrelease", "6.1.0-18-amd64\n");
    file("proc/sys/kernel/hostname", "box\n");
    file("proc/meminfo", "MemTotal:        2048000 kB\nMemFree: 1 kB\n");
    file("etc/os-release", "NAME=\"Debian GNU/Linux\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nVERSION_ID=\"12\"\n");
    HostFacts facts = HostFacts.read(root);
    assertEquals("6.1.0-18-amd64", facts.kernelVersion());
    assertEquals("Debian GNU/Linux 12 (bookworm)", facts.operatingSystem());
    assertEquals("12", facts.osVersion());
    assertEquals("box", facts.hostname());
    assertEquals(2048000L * 1024, facts.memTotal());
    assertEquals("1", facts.cgroupVersion());
  }

  @Test
  void cgroupV2WhenTheUnifiedRootHasControllers() throws Exception {
    file("sys/fs/cgroup/cgroup.controllers", "cpu memory pids\n");
    file("usr/lib/os-release", "NAME=Alpine\n");
    HostFacts facts = HostFacts.read(root);
    assertEquals("2", facts.cgroupVersion());
    assertEquals("Alpine", facts.operatingSystem());
  }
}
