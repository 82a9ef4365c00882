package io.jdocker.daemon.engine.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.daemon.api.types.container.ContainerCreateRequest;
import io.jdocker.daemon.api.types.container.ContainerInspectResponse;
import io.jdocker.daemon.container.ContainerLayout;
import io.jdocker.daemon.container.ContainerListFilter;
import io.jdocker.daemon.container.ProcessIdentity;
import io.jdocker.daemon.container.StateStore;
import io.jdocker.daemon.container.WaitCondition;
import io.jdocker.daemon.engine.events.EventBus;
import io.jdocker.daemon.logs.LogMessage;
import io.jdocker.daemon.logs.LogReadOptions;
import io.jdocker.daemon.logs.StdStream;
import io.jdocker.daemon.runtime.ContainerRuntime;
import io.jdocker.daemon.runtime.RuntimeOptions;
import io.jdocker.image.oci.ContainerConfig;
import io.jdocker.linux.jnr.JnrFileSystemCalls;
import io.jdocker.linux.process.InitHelper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
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
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "needs /bin/busybox");
    if (System.getProperty(InitHelper.PATH_PROPERTY) == null) {
      Path built = Path.of("../jdocker-native/target/jdocker-init").toAbsolutePath().normalize();
      Assumptions.assumeTrue(Files.isExecutable(built), "jdocker-init not built at " + built);
      System.setProperty(InitHelper.PATH_PROPERTY, built.toString());
    }
    layer = busyboxLayer(Files.createDirectories(tmp.resolve("layer")));
    service = newService();
  }

  ContainerService newService() {
    ContainerRuntime runtime = new ContainerRuntime(RuntimeOptions.fromHost(tmp.resolve("exec"), null));
    ContainerLayout layout = new ContainerLayout(tmp.resolve("data"));
    ContainerService s = new ContainerService(new StateStore(layout),
        new NativeProcessRuntime(runtime, JnrFileSystemCalls.instance(), layout.rootfsDir(), tmp.resolve("exec")),
        new EventBus(), 2, false, () -> "host", new ProcessIdentity());
    s.useImages(new ImageSource() {
      @Override
      public Image resolve(String reference) {
        return new Image("sha256:" + "1".repeat(64), ContainerConfig.empty(), List.of(layer.toString()));
      }

      @Override
      public Optional<Image> find(String reference) {
        return Optional.of(resolve(reference));
      }
    });
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

  static Path busyboxLayer(Path dir) throws IOException, InterruptedException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Files.copy(Path.of("/bin/busybox"), bin.resolve("busybox"), StandardCopyOption.COPY_ATTRIBUTES);
    Process list = new ProcessBuilder("/bin/busybox", "--list").start();
    for (String applet : new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
      if (!applet.isBlank() && !applet.equals("busybox")) {
        Files.createSymbolicLink(bin.resolve(applet.trim()), Path.of("busybox"));
      }
    }
    list.waitFor();
    for (String d : new String[] {"etc", "tmp", "proc", "sys", "dev", "root"}) {
      Files.createDirectories(dir.resolve(d));
    }
    Files.writeString(dir.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
    return dir;
  }
}
