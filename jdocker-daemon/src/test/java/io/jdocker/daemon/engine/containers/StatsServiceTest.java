package io.jdocker.daemon.engine.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.daemon.api.containers.ContainerStatsResponse;
import io.jdocker.daemon.api.containers.StatsBackend;
import io.jdocker.daemon.api.types.container.ContainerCreateRequest;
import io.jdocker.daemon.container.ContainerLayout;
import io.jdocker.daemon.container.ProcessIdentity;
import io.jdocker.daemon.container.StateStore;
import io.jdocker.daemon.engine.events.EventBus;
import io.jdocker.errdefs.NotFoundException;
import io.jdocker.linux.cgroup.CgroupStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** StatsService on a fake runtime and a fake /proc: sampling, pre* fields, stream ends. */
@Timeout(10) // a stream that fails to wake up would otherwise wait out its hour-long interval
class StatsServiceTest {
  private static final long HOST_MEMORY = 2048L * 1024 * 1024;

  @TempDir Path tmp;
  FakeProcessRuntime runtime;
  ContainerService service;
  Path proc;
  final AtomicLong reads = new AtomicLong();

  @BeforeEach
  void setUp() throws IOException {
    runtime = new FakeProcessRuntime();
    service = new ContainerService(new StateStore(new ContainerLayout(tmp.resolve("data"))), runtime, new EventBus(),
        2, false, () -> "host", new ProcessIdentity(tmp.resolve("proc")));
    service.useImages(new FakeImages());
    proc = Files.createDirectories(tmp.resolve("proc"));
    Files.writeString(proc.resolve("stat"), "cpu  100 0 50 800 10 0 40 0 0 0\ncpu0 50 0 25 400 5 0 20 0 0 0\n"
        + "cpu1 50 0 25 400 5 0 20 0 0 0\nintr 1\n");
    Files.writeString(proc.resolve("meminfo"), "MemTotal:        2097152 kB\n");
  }

  @AfterEach
  void tearDown() {
    runtime.processes.values().forEach(p -> p.exit(137));
    service.close();
  }

  StatsService stats(Duration pace) {
    return service.stats().with(proc, pace);
  }

  /** Runs a container whose cgroup reads 1 ms more CPU on every read. */
  String run(String name, String hostConfig) throws IOException {
    String json = "{\"Image\":\"busybox\",\"Cmd\":[\"top\"]" + (hostConfig == null ? "" : ",\"HostConfig\":" + hostConfig)
        + "}";
    String id = service.create(name, ContainerCreateRequest.parse(json.getBytes(StandardCharsets.UTF_8))).id();
    service.start(id);
    FakeProcessRuntime.FakeProcess p = runtime.process(id);
    p.cgroupStats = () -> cgroup(reads.incrementAndGet() * 1_000_000);
    Path net = Files.createDirectories(proc.resolve(p.pid() + "/net"));
    Files.writeString(net.resolve("dev"), """
        Inter-|   Receive                                                |  Transmit
         face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
            lo:     140       2    0    0    0     0          0         0      140       2    0    0    0     0       0          0
          eth0:    5338      36    0    0    0     0          0         0      648       8    0    0    0     0       0          0
        """);
    return id;
  }

  static CgroupStats cgroup(long cpuNanos) {
    return new CgroupStats(new CgroupStats.Cpu(cpuNanos, List.of(cpuNanos / 2, cpuNanos / 2), 300, 700, 5, 1, 99),
        new CgroupStats.Memory(6537216, 6651904, 0, 9223372036854771712L, Map.of("rss", 6537216L, "cache", 0L)),
        new CgroupStats.Pids(3, 0),
        new CgroupStats.Blkio(List.of(new CgroupStats.BlkioEntry(8, 0, "Read", 4096)), List.of()));
  }

  @Test
  void noStreamTakesTwoSamplesSoPrecpuHoldsTheFirst() throws Exception {
    String id = run("web", null);
    ContainerStatsResponse s = stats(Duration.ZERO).stats("web", false);
    assertEquals(2_000_000, s.cpuStats().cpuUsage().totalUsage());
    assertEquals(1_000_000, s.precpuStats().cpuUsage().totalUsage());
    assertNotNull(s.preread());
    assertTrue(!s.read().isBefore(s.preread()));
    assertEquals(List.of(1_000_000L, 1_000_000L), s.cpuStats().cpuUsage().percpuUsage());
    assertEquals(300, s.cpuStats().cpuUsage().usageInKernelmode());
    assertEquals(1000L * 10_000_000, s.cpuStats().systemCpuUsage(), "100+50+800+10+40 ticks of 10 ms");
    assertEquals(2, s.cpuStats().onlineCpus());
    assertEquals(new ContainerStatsResponse.ThrottlingData(5, 1, 99), s.cpuStats().throttlingData());
    assertEquals("/web", s.name());
    assertEquals(id, s.id());
  }

  @Test
  void memoryWithoutALimitReportsTheHostsMemoryAndStatsSortedAsGoWritesThem() throws Exception {
    run("web", null);
    ContainerStatsResponse.MemoryStats m = stats(Duration.ZERO).stats("web", true).memoryStats();
    assertEquals(6537216, m.usage());
    assertEquals(6651904, m.maxUsage());
    assertEquals(HOST_MEMORY, m.limit());
    assertEquals(List.of("cache", "rss"), List.copyOf(m.stats().keySet()));
  }

  @Test
  void oneShotTakesOneSampleWithZeroPreFields() throws Exception {
    run("web", null);
    ContainerStatsResponse s = stats(Duration.ofHours(1)).stats("web", true);
    assertEquals(1_000_000, s.cpuStats().cpuUsage().totalUsage());
    assertEquals(ContainerStatsResponse.CpuStats.ZERO, s.precpuStats());
    assertNull(s.preread());
    assertEquals(1, reads.get());
  }

  @Test
  void pidsBlkioAndNetworksWithoutLo() throws Exception {
    run("web", null);
    ContainerStatsResponse s = stats(Duration.ZERO).stats("web", true);
    assertEquals(new ContainerStatsResponse.PidsStats(3, 0), s.pidsStats());
    assertEquals(List.of(new ContainerStatsResponse.BlkioStatEntry(8, 0, "Read", 4096)),
        s.blkioStats().ioServiceBytesRecursive());
    assertEquals(List.of(), s.blkioStats().sectorsRecursive(), "v1: dockerd writes [] for what it lacks");
    assertEquals(List.of("eth0"), List.copyOf(s.networks().keySet()));
    assertEquals(new ContainerStatsResponse.NetworkStats(5338, 36, 0, 0, 648, 8, 0, 0), s.networks().get("eth0"));
  }

  @Test
  void hostNetworkingHasNoNetworksAndOnlyLoIsNoneEither() throws Exception {
    run("host-net", "{\"NetworkMode\":\"host\"}");
    assertNull(stats(Duration.ZERO).stats("host-net", true).networks());
    String id = run("lo-only", "{\"NetworkMode\":\"none\"}");
    Files.writeString(proc.resolve(runtime.process(id).pid() + "/net/dev"),
        "Inter-|\n face |\n    lo: 1 1 0 0 0 0 0 0 1 1 0 0 0 0 0 0\n");
    assertNull(stats(Duration.ZERO).stats("lo-only", true).networks());
  }

  @Test
  void aStoppedContainerGetsOneEmptySampleStreamingOrNot() throws Exception {
    String id = service.create("idle", ContainerCreateRequest.parse(
        "{\"Image\":\"busybox\"}".getBytes(StandardCharsets.UTF_8))).id();
    ContainerStatsResponse s = stats(Duration.ZERO).stats("idle", false);
    assertEquals(ContainerStatsResponse.empty("/idle", id), s);
    try (StatsBackend.Samples samples = stats(Duration.ZERO).stream("idle")) {
      assertEquals(ContainerStatsResponse.empty("/idle", id), samples.next());
      assertNull(samples.next());
    }
  }

  @Test
  void aStreamChainsSamplesAndEndsWhenTheContainerExits() throws Exception {
    String id = run("web", null);
    try (StatsBackend.Samples samples = stats(Duration.ZERO).stream("web")) {
      ContainerStatsResponse first = samples.next();
      assertEquals(ContainerStatsResponse.CpuStats.ZERO, first.precpuStats());
      ContainerStatsResponse second = samples.next();
      assertEquals(first.read(), second.preread());
      assertEquals(first.cpuStats(), second.precpuStats());
      runtime.process(id).exit(0);
      assertNull(samples.next());
      assertNull(samples.next());
    }
  }

  @Test
  void anExitEndsAStreamWaitingForItsNextSample() throws Exception {
    String id = run("web", null);
    try (StatsBackend.Samples samples = stats(Duration.ofHours(1)).stream("web")) {
      assertNotNull(samples.next());
      runtime.process(id).exit(0);
      assertNull(samples.next(), "returns at once rather than after the interval");
    }
  }

  @Test
  void closingEndsAStreamWaitingForItsNextSample() throws Exception {
    run("web", null);
    StatsBackend.Samples samples = stats(Duration.ofHours(1)).stream("web");
    assertNotNull(samples.next());
    samples.close();
    assertNull(samples.next(), "returns at once rather than after the interval");
  }

  @Test
  void aCgroupThatVanishedEndsTheStream() throws Exception {
    String id = run("web", null);
    runtime.process(id).cgroupStats = () -> null;
    try (StatsBackend.Samples samples = stats(Duration.ZERO).stream("web")) {
      assertNull(samples.next());
    }
    assertEquals(ContainerStatsResponse.empty("/web", id), stats(Duration.ZERO).stats("web", false));
  }

  @Test
  void anUnknownContainerIsNotFound() {
    NotFoundException e = assertThrows(NotFoundException.class, () -> stats(Duration.ZERO).stats("nope", false));
    assertEquals("No such container: nope", e.getMessage());
    assertThrows(NotFoundException.class, () -> stats(Duration.ZERO).stream("nope"));
  }
}
