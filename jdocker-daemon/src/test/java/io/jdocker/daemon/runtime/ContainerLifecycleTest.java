package io.jdocker.daemon.runtime;

import static io.jdocker.daemon.runtime.RuntimeFixture.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.errdefs.ConflictException;
import io.jdocker.linux.cgroup.CgroupLayout;
import io.jdocker.linux.process.ProcStat;
import io.jdocker.linux.signal.Signal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Limits, signals, freezing, top, adoption and removal through the runtime (needs root). */
class ContainerLifecycleTest extends RuntimeTestBase {
  private static final Duration LONG = Duration.ofMinutes(2);
  private static final int SIGTERM = Signal.SIGTERM.number();

  @Test
  void memoryLimitKillsWith137AndReportsOom() throws Exception {
    Result r = run(sh("x=0123456789abcdef; while :; do x=$x$x; done")
        .resources(limits(8 << 20, 0, 0, 0, null, 0)).build());
    assertEquals(137, r.exitCode(), r.toString());
    assertTrue(r.status().oomKilled());
  }

  @Test
  void limitsAreWrittenWithDockersDefaults() throws Exception {
    assumeV1();
    RuntimeConfig config = sh("echo ready; exec sleep 1000")
        .resources(limits(64 << 20, 0, 500_000_000, 512, "0", 50)).build();
    startReady(config);
    Path root = Path.of("/sys/fs/cgroup");
    String group = "jdocker/" + config.id();
    assertEquals(Long.toString(64 << 20), read(root.resolve("memory").resolve(group).resolve("memory.limit_in_bytes")));
    Path memsw = root.resolve("memory").resolve(group).resolve("memory.memsw.limit_in_bytes");
    if (Files.exists(memsw)) {
      assertEquals(Long.toString(128 << 20), read(memsw));
    }
    assertEquals("50000", read(root.resolve("cpu").resolve(group).resolve("cpu.cfs_quota_us")));
    assertEquals("100000", read(root.resolve("cpu").resolve(group).resolve("cpu.cfs_period_us")));
    assertEquals("512", read(root.resolve("cpu").resolve(group).resolve("cpu.shares")));
    assertEquals("0", read(root.resolve("cpuset").resolve(group).resolve("cpuset.cpus")));
    assertEquals("50", read(root.resolve("pids").resolve(group).resolve("pids.max")));
  }

  @Test
  void pidsLimitMakesForkFail() throws Exception {
    Result r = run(sh("for i in 1 2 3 4 5 6 7 8; do sleep 1000 & done; echo started; kill -9 $$")
        .resources(limits(0, 0, 0, 0, null, 5)).build());
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.stderr().contains("can't fork"), r.stderr());
  }

  @Test
  void stopDeliversTheStopSignalToATrappingPid1() throws Exception {
    RunningContainer c = startReady(sh("trap 'exit 3' TERM; echo ready; sleep 1000 & wait").build());
    assertEquals(3, c.stop(LONG, SIGTERM).exitCode());
    assertFalse(c.isRunning());
  }

  @Test
  void stopEscalatesToSigkillWhenPid1IgnoresTheSignal() throws Exception {
    // PID 1 without a handler ignores SIGTERM, as in Docker.
    RunningContainer c = startReady(config("/bin/sh", "-c", "echo ready; exec sleep 1000").build());
    ExitStatus status = c.stop(Duration.ofMillis(300), SIGTERM);
    assertEquals(137, status.exitCode());
    assertFalse(status.oomKilled());
  }

  @Test
  void killSendsTheGivenSignal() throws Exception {
    RunningContainer c = startReady(sh("trap 'exit 7' USR1; echo ready; sleep 1000 & wait").build());
    c.kill(Signal.parse("USR1"));
    assertEquals(7, c.onExit().get().exitCode());
    assertThrows(ConflictException.class, () -> c.kill(9));
  }

  @Test
  void pauseFreezesAndUnpauseThaws() throws Exception {
    assumeV1();
    RuntimeConfig config = sh("trap 'exit 7' USR1; echo ready; sleep 1000 & wait").build();
    RunningContainer c = startReady(config);
    Path state = Path.of("/sys/fs/cgroup/freezer/jdocker", config.id(), "freezer.state");
    c.pause();
    assertTrue(c.isPaused());
    assertEquals("FROZEN", read(state));
    assertTrue(Files.readString(Path.of("/proc", Integer.toString(c.pid()), "status")).contains("State:\tD"),
        "a frozen task sleeps uninterruptibly");
    assertThrows(ConflictException.class, c::pause);
    c.unpause();
    assertEquals("THAWED", read(state));
    assertThrows(ConflictException.class, c::unpause);
    c.kill(Signal.parse("USR1"));
    assertEquals(7, c.onExit().get().exitCode());
  }

  @Test
  void stoppingAPausedContainerThawsIt() throws Exception {
    RunningContainer c = startReady(sh("trap 'exit 3' TERM; echo ready; sleep 1000 & wait").build());
    c.pause();
    assertEquals(3, c.stop(LONG, SIGTERM).exitCode());
  }

  @Test
  void topListsTheContainersProcessesAsPsEf() throws Exception {
    // "ready" only once both children have exec'd sleep (read and [ are builtins: no extra processes).
    String script = "sleep 1000 & a=$!; sleep 1001 & b=$!; until read x < /proc/$a/comm && [ \"$x\" = sleep ]"
        + " && read y < /proc/$b/comm && [ \"$y\" = sleep ]; do :; done; echo ready; wait";
    RunningContainer c = startReady(sh(script).build());
    TopResult top = c.top();
    assertEquals(List.of("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"), top.titles());
    assertEquals(3, top.processes().size(), top.toString());
    List<String> pid1 = top.processes().get(0);
    assertEquals(List.of("root", Integer.toString(c.pid())), pid1.subList(0, 2), top.toString());
    assertEquals("?", pid1.get(5));
    assertTrue(pid1.get(6).matches("\\d\\d:\\d\\d:\\d\\d"), pid1.toString());
    assertEquals(List.of("/bin/sh -c " + script, "sleep 1000", "sleep 1001"),
        top.processes().stream().map(row -> row.get(7)).toList());
    for (List<String> child : top.processes().subList(1, 3)) {
      assertEquals(Integer.toString(c.pid()), child.get(2));
    }
  }

  @Test
  void aSecondRuntimeAdoptsByPidAndStartTimeAndStopsIt() throws Exception {
    RuntimeConfig config = config("/bin/sh", "-c", "echo ready; exec sleep 1000").build();
    RunningContainer first = startReady(config);
    ContainerRuntime restarted = newRuntime();
    assertTrue(restarted.adopt(config.id(), first.pid(), first.startTime() + 1).isEmpty(), "wrong start time");
    assertTrue(runtime.cgroupExists(config.id()), "a failed adopt must not touch a live container's cgroup");
    RunningContainer adopted = restarted.adopt(config.id(), first.pid(), first.startTime()).orElseThrow();
    assertTrue(adopted.adopted() && adopted.isRunning());
    assertTrue(Duration.between(adopted.startedAt(), first.startedAt()).abs().toSeconds() <= 1,
        adopted.startedAt() + " vs " + first.startedAt());
    assertEquals(null, adopted.stdout(), "an adopted container's pipes died with the old daemon");
    assertEquals(1, adopted.top().processes().size(), "only PID 1 runs");
    ExitStatus status = adopted.stop(Duration.ofMillis(300), SIGTERM);
    assertEquals(137, status.exitCode());
    assertFalse(ProcStat.isSameProcess(first.pid(), first.startTime()));
    assertEquals(137, first.onExit().get().exitCode());
    assertFalse(runtime.cgroupExists(config.id()));
  }

  @Test
  void adoptingAGoneProcessRemovesItsCgroup() throws Exception {
    RuntimeConfig config = sh("exit 0").build();
    run(config);
    assertTrue(newRuntime().adopt(config.id(), Integer.MAX_VALUE - 1, 1).isEmpty());
    assertFalse(runtime.cgroupExists(config.id()));
  }

  @Test
  void removeRefusesARunningContainerAndThenDeletesEverything() throws Exception {
    RuntimeConfig config = sh("echo ready; exec sleep 1000").tmpfs(io.jdocker.daemon.container.TmpfsSpec.parse("/run", "")).build();
    RunningContainer c = startReady(config);
    assertThrows(ConflictException.class, () -> runtime.remove(config.id(), config.containerDir()));
    c.kill(9);
    c.onExit().get();
    runtime.remove(config.id(), config.containerDir());
    assertFalse(Files.exists(config.containerDir()));
    assertFalse(runtime.cgroupExists(config.id()));
  }

  @Test
  void latencyFromStartToTrueExiting() throws Exception {
    long[] micros = new long[20];
    for (int i = 0; i < micros.length; i++) {
      RuntimeConfig config = config("/bin/true").build();
      long t0 = System.nanoTime();
      Result r = run(config);
      micros[i] = (System.nanoTime() - t0) / 1000;
      assertEquals(0, r.exitCode(), r.toString());
    }
    long[] sorted = micros.clone();
    Arrays.sort(sorted);
    System.out.printf("runtime start -> /bin/true exit (cgroup removed), 20 runs: median %.2f ms, min %.2f ms,"
        + " max %.2f ms%n", sorted[10] / 1000.0, sorted[0] / 1000.0, sorted[19] / 1000.0);
  }

  // These read this host's v1 files directly; ContainerCgroupTest covers the v2 layout.
  private static void assumeV1() {
    Assumptions.assumeTrue(CgroupLayout.detect() == CgroupLayout.V1, "reads cgroup v1 files");
  }

  private static String read(Path file) throws Exception {
    return Files.readString(file).trim();
  }
}
