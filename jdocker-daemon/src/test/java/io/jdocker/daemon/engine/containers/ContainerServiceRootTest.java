package io.jdocker.daemon.engine.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.daemon.api.types.container.ContainerCreateRequest;
import io.jdocker.daemon.api.types.container.ContainerInspectResponse;
import io.jdocker.daemon.container.ContainerListFilter;
import io.jdocker.daemon.container.WaitCondition;
import io.jdocker.daemon.logs.LogMessage;
import io.jdocker.daemon.logs.LogReadOptions;
import io.jdocker.daemon.logs.StdStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real containers through the engine (root): a busybox layer from /bin/busybox, the real runtime,
 * FIFOs and json-file logs. Every container is force-removed afterwards and its cgroup, overlay
 * dir and FIFOs are checked gone.
 */
class ContainerServiceRootTest {
  @TempDir Path tmp;
  Path layer;
  final List<ContainerService> services = new ArrayList<>();
  ContainerService service;

  @BeforeEach
  void setUp() throws Exception {
    RootEngine.assumeRunnable();
    layer = RootEngine.busyboxLayer(Files.createDirectories(tmp.resolve("layer")));
    service = newService();
  }

  ContainerService newService() {
    ContainerService s = RootEngine.serviceWithLayer(tmp, layer);
    services.add(s);
    return s;
  }

  @AfterEach
  void removeEverything() throws Exception {
    List<Throwable> failures = new ArrayList<>();
    ContainerService last = services.isEmpty() ? null : services.getLast();
    if (last != null) {
      for (var c : last.list(new ContainerListFilter.Options(true, -1, null), false)) {
        try {
          last.remove(c.id(), true, false);
          assertFalse(Files.exists(tmp.resolve("data/rootfs").resolve(c.id())), "overlay dir left");
          assertFalse(Files.exists(tmp.resolve("exec/containers").resolve(c.id())), "FIFO dir left");
          assertFalse(Files.exists(Path.of("/sys/fs/cgroup/memory/jdocker").resolve(c.id())), "cgroup left");
        } catch (Exception | AssertionError e) {
          failures.add(e);
        }
      }
    }
    services.forEach(ContainerService::close);
    if (!failures.isEmpty()) {
      AssertionError error = new AssertionError("cleanup failed");
      failures.forEach(error::addSuppressed);
      throw error;
    }
  }

  String run(String name, String script, String hostConfig) {
    String json = "{\"Image\":\"busybox\",\"Cmd\":[\"sh\",\"-c\",\"" + script.replace("\"", "\\\"") + "\"]"
        + (hostConfig == null ? "" : ",\"HostConfig\":" + hostConfig) + "}";
    String id = service.create(name, ContainerCreateRequest.parse(json.getBytes(StandardCharsets.UTF_8))).id();
    service.start(id);
    return id;
  }

  String logs(String id, StdStream stream) throws IOException {
    StringBuilder out = new StringBuilder();
    try (var cursor = service.logs(id, new LogReadOptions(stream == StdStream.STDOUT, stream == StdStream.STDERR,
        -1, null, null, false)).cursor()) {
      for (LogMessage m = cursor.next(); m != null; m = cursor.next()) {
        out.append(new String(m.bytes(), StandardCharsets.UTF_8));
      }
    }
    return out.toString();
  }

  /** docker diff: the runtime's mount points (Docker's init layer) are no change; real writes are. */
  @Test
  void diffShowsWhatTheCommandChangedAndNothingOfTheRuntimes() throws Exception {
    String untouched = run("untouched", "true", null);
    service.wait(untouched, WaitCondition.NOT_RUNNING).get();
    assertEquals(List.of(), service.changes(untouched));

    String writer = run("writer", "echo x > /tmp/new; rm /etc/passwd; mkdir /data", null);
    service.wait(writer, WaitCondition.NOT_RUNNING).get();
    assertEquals(List.of("C /etc", "D /etc/passwd", "A /data", "C /tmp", "A /tmp/new").stream().sorted(
        java.util.Comparator.comparing(e -> e.substring(2))).toList(),
        service.changes(writer).stream().map(c -> "CAD".charAt(c.kind()) + " " + c.path()).toList());
  }

  @Test
  void runsToItsExitCodeWithStdoutAndStderrLoggedApart() throws Exception {
    var wait = service.wait(run("exit3", "echo out; echo err >&2; exit 3", null), WaitCondition.NOT_RUNNING);
    String id = service.inspect("exit3", false).id();
    assertEquals(3, service.wait(id, WaitCondition.NOT_RUNNING).get().statusCode());
    assertEquals(3, wait.get().statusCode());
    assertEquals("out\n", logs(id, StdStream.STDOUT));
    assertEquals("err\n", logs(id, StdStream.STDERR));
  }

  @Test
  void stopSendsTheStopSignalThenKills() throws Exception {
    String trapping = run("trap", "trap 'echo bye; exit 7' TERM; echo ready; while true; do sleep 0.05; done", null);
    String ignoring = run("ignore", "exec sleep 1000", null);
    waitForLine(trapping, "ready\n");
    service.stop(trapping, 10, null);
    assertEquals(7, service.inspect(trapping, false).state().exitCode());
    assertTrue(logs(trapping, StdStream.STDOUT).endsWith("bye\n"));
    service.stop(ignoring, 0, null);
    assertEquals(137, service.inspect(ignoring, false).state().exitCode());
  }

  @Test
  void aNewServiceAdoptsARunningContainerAndFollowsItsOutputAndExit() throws Exception {
    String id = run("adopt", "echo before; read -t 1000 x < /dev/null; sleep 1000", null);
    waitForLine(id, "before\n");
    service.close(); // the daemon goes away, the container keeps running
    service = newService();
    service.restore();
    ContainerInspectResponse inspect = service.inspect(id, false);
    assertEquals("running", inspect.state().status());
    assertEquals("before\n", logs(id, StdStream.STDOUT));
    service.stop(id, 0, null);
    assertEquals(137, service.inspect(id, false).state().exitCode());
  }

  @Test
  void passingTheMemoryLimitIsAnOomKill() throws Exception {
    String id = run("oom", "x=a; while true; do x=$x$x; done", "{\"Memory\":8388608}");
    assertEquals(137, service.wait(id, WaitCondition.NOT_RUNNING).get().statusCode());
    ContainerInspectResponse inspect = service.inspect(id, false);
    assertTrue(inspect.state().oomKilled());
    assertEquals(137, inspect.state().exitCode());
  }

  private void waitForLine(String id, String line) throws IOException {
    LogReadOptions follow = new LogReadOptions(true, false, -1, null, null, true);
    try (var cursor = service.logs(id, follow).cursor()) {
      for (LogMessage m = cursor.next(); m != null; m = cursor.next()) {
        if (new String(m.bytes(), StandardCharsets.UTF_8).equals(line)) {
          return;
        }
      }
    }
    throw new AssertionError("container ended before printing " + line);
  }
}
