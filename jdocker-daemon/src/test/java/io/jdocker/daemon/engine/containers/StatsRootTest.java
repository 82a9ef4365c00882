package io.jdocker.daemon.engine.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.daemon.api.containers.ContainerStatsResponse;
import io.jdocker.daemon.api.containers.StatsBackend;
import io.jdocker.daemon.api.types.container.ContainerCreateRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** docker stats on real containers (root, busybox layer, this host's cgroups). */
@Timeout(60)
class StatsRootTest {
  @TempDir Path tmp;
  ContainerService service;

  @BeforeEach
  void setUp() throws Exception {
    RootEngine.assumeRunnable();
    Path layer = RootEngine.busyboxLayer(Files.createDirectories(tmp.resolve("layer")));
    service = RootEngine.serviceWithLayer(tmp, layer);
  }

  @AfterEach
  void removeEverything() {
    if (service == null) {
      return;
    }
    RootEngine.removeAll(service);
    service.close();
  }

  /** A container that burns some CPU, then sleeps. */
  String run(String name, String hostConfig) {
    String json = "{\"Image\":\"busybox\",\"Cmd\":[\"sh\",\"-c\",\"i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done;"
        + " sleep 1000\"]" + (hostConfig == null ? "" : ",\"HostConfig\":" + hostConfig) + "}";
    String id = service.create(name, ContainerCreateRequest.parse(json.getBytes(StandardCharsets.UTF_8))).id();
    service.start(id);
    return id;
  }

  @Test
  void aRunningContainerHasMemoryPidsAndCpuUsage() throws Exception {
    String id = run("busy", "{\"Memory\":67108864,\"PidsLimit\":50}");
    ContainerStatsResponse s = service.stats().stats("busy", false);
    assertTrue(s.memoryStats().usage() > 0, "memory usage");
    assertEquals(67108864, s.memoryStats().limit());
    assertTrue(s.pidsStats().current() >= 1, "pids");
    assertEquals(50, s.pidsStats().limit());
    assertTrue(s.cpuStats().cpuUsage().totalUsage() > 0, "cpu");
    assertTrue(s.cpuStats().systemCpuUsage() > s.precpuStats().systemCpuUsage(), "two samples a second apart");
    assertTrue(s.precpuStats().cpuUsage().totalUsage() > 0);
    assertNotNull(s.preread());
    assertTrue(s.cpuStats().onlineCpus() > 0);
    assertEquals("/busy", s.name());
    assertEquals(id, s.id());
    assertNull(s.networks(), "a namespace with only lo has no networks to report");
  }

  @Test
  void withoutALimitTheLimitIsTheHostsMemory() throws Exception {
    run("free", null);
    ContainerStatsResponse s = service.stats().stats("free", true);
    long hostMemory = io.jdocker.linux.process.ProcMeminfo.totalBytes(Path.of("/proc"));
    assertEquals(hostMemory, s.memoryStats().limit());
    assertEquals(0, s.pidsStats().limit());
  }

  @Test
  void aStreamEndsWhenTheContainerStops() throws Exception {
    run("short", null);
    try (StatsBackend.Samples samples = service.stats().stream("short")) {
      assertTrue(samples.next().memoryStats().usage() > 0);
      service.kill("short", "KILL");
      assertNull(samples.next());
    }
    assertNull(service.stats().stats("short", false).read(), "a stopped container's sample is empty");
  }
}
