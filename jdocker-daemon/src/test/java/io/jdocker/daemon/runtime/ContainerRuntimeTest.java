package io.jdocker.daemon.runtime;

import static io.jdocker.daemon.runtime.RuntimeFixture.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Isolation, files and mounts of containers started through the runtime (needs root). */
class ContainerRuntimeTest extends RuntimeTestBase {

  @Test
  void commandIsPid1() throws Exception {
    Result r = run(sh("echo $$").build());
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals("1\n", r.stdout());
    assertFalse(r.status().oomKilled());
  }

  @Test
  void hostnameIsTheShortIdInUtsAndEtcHostname() throws Exception {
    RuntimeConfig config = sh("hostname; cat /etc/hostname").build();
    Result r = run(config);
    String shortId = config.id().substring(0, 12);
    assertEquals(shortId + "\n" + shortId + "\n", r.stdout(), r.toString());
  }

  @Test
  void etcHostsAndResolvConfAreDockers() throws Exception {
    Result r = run(sh("cat /etc/hosts; echo ---; cat /etc/resolv.conf").build());
    assertEquals(ContainerFiles.DEFAULT_HOSTS + "---\n# host file\nsearch example.com\noptions ndots:0\n\n"
        + "nameserver 8.8.8.8\nnameserver 8.8.4.4\n", r.stdout(), r.toString());
  }

  @Test
  void hostNetworkUsesTheHostsFilesAndInterfaces() throws Exception {
    Result r = run(sh("cat /etc/resolv.conf; ls /sys/class/net").network(NetworkMode.HOST).build());
    String hostInterfaces;
    try (var names = Files.list(Path.of("/sys/class/net"))) {
      hostInterfaces = names.map(p -> p.getFileName().toString()).sorted().collect(Collectors.joining("\n"));
    }
    assertEquals(Files.readString(hostResolv) + hostInterfaces + "\n", r.stdout(), r.toString());
    assertTrue(hostInterfaces.contains("\n"), "the host should have more than lo: " + hostInterfaces);
  }

  @Test
  void ownNetworkHasOnlyLoopbackAndItIsUp() throws Exception {
    for (NetworkMode mode : List.of(NetworkMode.BRIDGE, NetworkMode.NONE)) {
      Result r = run(sh("ls /sys/class/net; cat /sys/class/net/lo/flags; ping -c 1 -W 1 127.0.0.1 >/dev/null && echo ping-ok")
          .network(mode).build());
      assertEquals("lo\n0x9\nping-ok\n", r.stdout(), mode + ": " + r);
    }
  }

  @Test
  void environmentWorkingDirAndUserAreApplied() throws Exception {
    RuntimeConfig config = RuntimeConfig.builder(newId(), tmp.resolve("c-env"),
            new ProcessConfig(List.of("/bin/sh", "-c", "id -u; id -G; pwd; echo $GREETING"),
                List.of("PATH=/bin", "GREETING=hello"), "/work/dir", 1000, 1001, List.of(1002)))
        .layers(List.of(layer)).build();
    Result r = run(config);
    assertEquals("1000\n1001 1002\n/work/dir\nhello\n", r.stdout(), r.toString());
  }

  @Test
  void readOnlyRootRefusesWrites() throws Exception {
    Result r = run(sh("touch /x || echo refused; echo 127.0.0.1 me >> /etc/hosts || echo hosts-refused")
        .readOnlyRoot(true).build());
    assertEquals("refused\nhosts-refused\n", r.stdout(), r.toString());
    assertTrue(r.stderr().contains("Read-only file system"), r.stderr());
  }

  @Test
  void writesGoToTheUpperDirAndSurviveARestart() throws Exception {
    RuntimeConfig config = sh("cat /data 2>/dev/null; echo run >> /data").build();
    assertEquals("", run(config).stdout());
    assertEquals("run\n", Files.readString(config.containerDir().resolve("upper/data")));
    assertEquals("run\n", run(config).stdout());
    assertFalse(Files.exists(layer.resolve("data")));
  }

  @Test
  void tmpfsIsPrivateWritableAndNoexecAndLeavesNoHostMount() throws Exception {
    RunningContainer c = startReady(sh("echo x > /run/f && grep ' /run ' /proc/self/mountinfo >&2; echo ready; exec sleep 1000")
        .tmpfs(io.jdocker.daemon.container.TmpfsSpec.parse("/run", "size=1m,mode=1777")).build());
    assertEquals(List.of(), MountTable.self().under(tmp), "the host copy of the tmpfs should be detached");
    c.kill(9);
    assertEquals(137, c.onExit().get().exitCode());
    Result r = run(sh("grep ' /run ' /proc/self/mountinfo").tmpfs(io.jdocker.daemon.container.TmpfsSpec.parse("/run", "size=1m")).build());
    assertTrue(r.stdout().contains(" - tmpfs ") && r.stdout().contains("noexec") && r.stdout().contains("size=1024k"),
        r.stdout());
  }

  @Test
  void bindMountsReadOnlyAndReadWrite() throws Exception {
    Path data = Files.createDirectory(tmp.resolve("data"));
    Files.writeString(data.resolve("f"), "host\n");
    Result r = run(sh("cat /ro/f; echo x > /ro/f || echo refused; echo y > /rw/g")
        .bind(io.jdocker.daemon.container.BindSpec.parse(data + ":/ro:ro")).bind(io.jdocker.daemon.container.BindSpec.parse(data + ":/rw")).build());
    assertEquals("host\nrefused\n", r.stdout(), r.toString());
    assertEquals("host\n", Files.readString(data.resolve("f")));
    assertEquals("y\n", Files.readString(data.resolve("g")));
  }

  @Test
  void commandNotFoundFailsWith127AndLeavesNothing() throws Exception {
    RuntimeConfig config = config("nope").tmpfs(io.jdocker.daemon.container.TmpfsSpec.parse("/run", "")).build();
    configs.add(config);
    CommandNotRunnableException e = assertThrows(CommandNotRunnableException.class, () -> runtime.start(config));
    assertEquals(127, e.exitCode());
    assertEquals("exec: \"nope\": executable file not found in $PATH", e.getMessage());
    assertNothingLeft(config);
  }

  @Test
  void nonExecutableFailsWith126() throws Exception {
    RuntimeConfig config = config("/etc/passwd").build();
    configs.add(config);
    CommandNotRunnableException e = assertThrows(CommandNotRunnableException.class, () -> runtime.start(config));
    assertEquals(126, e.exitCode());
    assertEquals("exec: \"/etc/passwd\": permission denied", e.getMessage());
    assertNothingLeft(config);
  }

  @Test
  void setupFailureIs128AndLeavesNothing() throws Exception {
    RuntimeConfig config = sh("true").resources(limits(0, 0, 0, 0, "999", 0)).build();
    configs.add(config);
    ContainerSetupException e = assertThrows(ContainerSetupException.class, () -> runtime.start(config));
    assertEquals(128, e.exitCode());
    assertTrue(e.getMessage().contains("cpuset.cpus"), e.getMessage());
    assertNothingLeft(config);
  }

  private void assertNothingLeft(RuntimeConfig config) throws Exception {
    assertFalse(runtime.cgroupExists(config.id()), "cgroup left behind");
    assertEquals(List.of(), MountTable.self().under(tmp), "mount left behind");
    assertTrue(runtime.running(config.id()).isEmpty());
    // jdocker-init is this JVM's child while its container lives; it must be gone (the JDK reaps it).
    List<ProcessHandle> helpers = ProcessHandle.current().children()
        .filter(p -> p.info().command().orElse("").endsWith("jdocker-init")).toList();
    assertEquals(List.of(), helpers);
  }

  @Test
  void initRunsTheCommandUnderDockerInit() throws Exception {
    Result r = run(sh("echo $$; cat /proc/1/cmdline | tr '\\0' ' '; echo; exit 5").init(true).build());
    assertEquals(5, r.exitCode(), r.toString());
    List<String> lines = r.stdout().lines().toList();
    assertFalse(lines.get(0).equals("1"), r.stdout());
    assertEquals("/sbin/docker-init -- /bin/sh -c " + "echo $$; cat /proc/1/cmdline | tr '\\0' ' '; echo; exit 5 ",
        lines.get(1));
  }
}
