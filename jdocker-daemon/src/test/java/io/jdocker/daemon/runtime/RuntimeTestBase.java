package io.jdocker.daemon.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts real containers from a busybox layer in a temp dir, with the real cgroup parent
 * ("jdocker"); after each test it kills and removes every container it started and checks that
 * no cgroup and no mount is left.
 */
abstract class RuntimeTestBase {
  @TempDir Path tmp;
  Path layer;
  Path hostResolv;
  ContainerRuntime runtime;
  final List<ContainerRuntime> runtimes = new ArrayList<>();
  final List<RuntimeConfig> configs = new ArrayList<>();

  record Result(ExitStatus status, String stdout, String stderr) {
    int exitCode() {
      return status.exitCode();
    }
  }

  @BeforeEach
  void setUpRuntime() throws Exception {
    RuntimeFixture.assumeRootAndHelper();
    layer = RuntimeFixture.busyboxLayer(Files.createDirectories(tmp.resolve("layers/busybox")));
    hostResolv = Files.writeString(tmp.resolve("host-resolv.conf"),
        "# host file\nsearch example.com\nnameserver 127.0.0.11\nnameserver 127.0.1.1\noptions ndots:0\n");
    runtime = newRuntime();
  }

  ContainerRuntime newRuntime() {
    RuntimeOptions options = RuntimeOptions.fromHost(tmp.resolve("run"), null)
        .withFiles(new ContainerFiles(Path.of("/etc/hosts"), hostResolv, tmp.resolve("no-systemd")));
    ContainerRuntime r = new ContainerRuntime(options);
    runtimes.add(r);
    return r;
  }

  @AfterEach
  void removeEverything() throws Exception {
    List<Throwable> failures = new ArrayList<>();
    for (RuntimeConfig c : configs) {
      for (ContainerRuntime r : runtimes) {
        try {
          var running = r.running(c.id());
          if (running.isPresent()) {
            running.get().stop(Duration.ZERO, 9);
          }
        } catch (Exception | AssertionError e) {
          failures.add(e);
        }
      }
    }
    for (RuntimeConfig c : configs) {
      try {
        runtime.remove(c.id(), c.containerDir());
        assertFalse(runtime.cgroupExists(c.id()), "cgroup left for " + c.id());
        assertFalse(Files.exists(c.containerDir()), "container dir left for " + c.id());
        assertEquals(List.of(), MountTable.self().under(tmp), "mounts left below " + tmp);
      } catch (Exception | AssertionError e) {
        failures.add(e);
      }
    }
    runtimes.forEach(ContainerRuntime::close);
    if (!failures.isEmpty()) {
      AssertionError error = new AssertionError("cleanup failed");
      failures.forEach(error::addSuppressed);
      throw error;
    }
  }

  static String newId() {
    return HexFormat.of().formatHex(UUID.randomUUID().toString().replace("-", "").getBytes()).substring(0, 64);
  }

  RuntimeConfig.Builder config(String... args) {
    String id = newId();
    return RuntimeConfig.builder(id, tmp.resolve("containers").resolve(id),
            ProcessConfig.of(List.of(args), List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")))
        .layers(List.of(layer));
  }

  RuntimeConfig.Builder sh(String script) {
    return config("/bin/sh", "-c", script);
  }

  RunningContainer start(RuntimeConfig config) {
    configs.add(config);
    return runtime.start(config);
  }

  Result run(RuntimeConfig config) throws Exception {
    RunningContainer c = start(config);
    c.stdin().close();
    CompletableFuture<String> out = RuntimeFixture.drain(c.stdout());
    CompletableFuture<String> err = RuntimeFixture.drain(c.stderr());
    ExitStatus status = c.onExit().get();
    assertTrue(status.finishedAt().compareTo(c.startedAt()) >= 0);
    return new Result(status, out.get(), err.get());
  }

  /** Starts {@code script}, which must print "ready" once its traps are set. */
  RunningContainer startReady(RuntimeConfig config) throws Exception {
    RunningContainer c = start(config);
    c.stdin().close();
    RuntimeFixture.drain(c.stderr());
    assertEquals("ready", RuntimeFixture.readLine(c.stdout()));
    RuntimeFixture.drain(c.stdout());
    return c;
  }
}
