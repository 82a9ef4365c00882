package io.jdocker.linux.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.linux.cgroup.CgroupLayout;
import io.jdocker.linux.cgroup.CgroupV1Manager;
import io.jdocker.linux.jnr.JnrProcessSyscalls;
import io.jdocker.linux.pty.Pty;
import io.jdocker.linux.pty.TerminalTranscript;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** docker exec through jdocker-init --enter, into a real running container (needs root, cgroup v1). */
@Timeout(value = 120, unit = TimeUnit.SECONDS) // a hang guard, not an assertion
class ExecLauncherTest {
  private static final String PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  private static final List<String> CONTROLLERS = List.of("memory", "pids", "cpu", "freezer");

  @TempDir Path tmp;
  private Path rootfs;
  private InitLauncher launcher;
  private ExecLauncher execs;
  private CgroupV1Manager cgroup;
  private RunningInit container;
  private final List<RunningExec> started = new ArrayList<>();
  private final List<Closeable> ptys = new ArrayList<>();

  @BeforeEach
  void startContainer() throws Exception {
    BusyboxRootfs.assumeRoot();
    Assumptions.assumeTrue(CgroupLayout.detect() == CgroupLayout.V1, "this host's cgroups are not v1");
    rootfs = BusyboxRootfs.create(Files.createDirectory(tmp.resolve("rootfs")));
    Path helper = InitHelper.locate();
    launcher = new InitLauncher(helper, tmp.resolve("run"), JnrProcessSyscalls.INSTANCE);
    execs = new ExecLauncher(helper, tmp.resolve("run"), JnrProcessSyscalls.INSTANCE);
    container = launcher.start(ContainerSpec.builder("sleep", "600").rootfs(overlay()).env(PATH).hostname("box1")
        .stdio(ContainerSpec.Stdio.fifos(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")),
            fifo("out"), fifo("err")))
        .build());
    cgroup = new CgroupV1Manager(CgroupLayout.DEFAULT_ROOT, "jdocker-test/" + UUID.randomUUID(),
        JnrProcessSyscalls.INSTANCE);
    cgroup.create();
    cgroup.addProcess(container.pid());
    container.release();
  }

  @AfterEach
  void cleanUp() throws Exception {
    try {
      for (RunningExec exec : started) {
        if (exec.isAlive()) {
          exec.kill(9);
          exec.waitFor();
        }
      }
      for (Closeable pty : ptys) {
        pty.close();
      }
    } finally {
      try {
        if (container != null && container.isAlive()) {
          container.abort();
          container.waitFor();
        }
      } finally {
        if (cgroup != null) {
          cgroup.destroy();
        }
      }
    }
  }

  private Path fifo(String name) throws Exception {
    Path fifo = tmp.resolve(name);
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    return fifo;
  }

  private ContainerSpec.Overlay overlay() throws IOException {
    return new ContainerSpec.Overlay(List.of(rootfs), Files.createDirectories(tmp.resolve("upper")),
        Files.createDirectories(tmp.resolve("work")), tmp.resolve("merged"));
  }

  private ExecSpec.Builder exec(String... args) {
    ExecSpec.Builder b = ExecSpec.builder(container.pid(), args).env(PATH);
    CONTROLLERS.forEach(c -> b.cgroupProcs(cgroup.path(c).resolve("cgroup.procs")));
    return b;
  }

  private RunningExec start(ExecSpec spec) throws IOException {
    RunningExec exec = execs.start(spec);
    started.add(exec);
    return exec;
  }

  record Result(int exitCode, String stdout, String stderr) {}

  private Result run(ExecSpec spec) throws Exception {
    RunningExec exec = start(spec);
    exec.stdin().close();
    CompletableFuture<String> out = drain(exec.stdout());
    CompletableFuture<String> err = drain(exec.stderr());
    int code = exec.waitFor();
    return new Result(code, out.get(), err.get());
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
      line.append((char) b);
    }
    return line.toString();
  }

  private static CompletableFuture<String> drain(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @Test
  void execSeesTheContainersPidNamespaceRootAndHostname() throws Exception {
    Result r = run(exec("sh", "-c", "echo $$; tr '\\0' ' ' < /proc/1/cmdline; echo; hostname; cat /etc/passwd").build());
    List<String> lines = r.stdout().lines().toList();
    assertEquals(0, r.exitCode(), r.toString());
    assertNotEquals("1", lines.get(0));
    assertTrue(Integer.parseInt(lines.get(0)) < 100, r.toString()); // a small number: the container's pid ns
    assertEquals(List.of("sleep 600 ", "box1", "root:x:0:0:root:/root:/bin/sh"), lines.subList(1, 4));
    assertTrue(container.isAlive());
  }

  @Test
  void reportedPidIsTheExecdProcessInTheContainersCgroups() throws Exception {
    RunningExec exec = start(exec("sh", "-c", "echo $$; cat > /dev/null").build());
    String innerPid = readLine(exec.stdout());
    String status = Files.readString(Path.of("/proc/" + exec.pid() + "/status"));
    assertTrue(status.contains("NSpid:\t" + exec.pid() + "\t" + innerPid + "\n"), status);
    String cgroups = Files.readString(Path.of("/proc/" + exec.pid() + "/cgroup"));
    String group = cgroup.path("memory").getFileName().toString();
    for (String controller : CONTROLLERS) {
      assertTrue(cgroups.lines().anyMatch(l -> l.matches("\\d+:" + controller + ":/jdocker-test/" + group)),
          controller + " in\n" + cgroups);
    }
    assertTrue(cgroup.processes().contains(exec.pid()));
    exec.stdin().close();
    assertEquals(0, exec.waitFor());
  }

  @Test
  void envCwdAndUserApply() throws Exception {
    Result r = run(exec("sh", "-c", "id -u; id -G; pwd; echo $GREETING").user(1000, 1001).group(1002)
        .cwd("/tmp").env("GREETING=hello").build());
    assertEquals(new Result(0, "1000\n1001 1002\n/tmp\nhello\n", ""), r);
  }

  @Test
  void commandNotFoundIs127WithTheReason() {
    ContainerStartException e = assertThrows(ContainerStartException.class, () -> start(exec("nope").build()));
    assertEquals(127, e.exitCode());
    assertEquals("exec: \"nope\": executable file not found in $PATH", e.getMessage());
  }

  @Test
  void nonExecutableIs126() {
    ContainerStartException e = assertThrows(ContainerStartException.class, () -> start(exec("/etc/passwd").build()));
    assertEquals(126, e.exitCode());
    assertEquals("exec: \"/etc/passwd\": permission denied", e.getMessage());
  }

  @Test
  void missingWorkingDirectoryFailsAsRuncSaysIt() {
    ContainerStartException e = assertThrows(ContainerStartException.class,
        () -> start(exec("true").cwd("/no/such/dir").build()));
    assertEquals(128, e.exitCode());
    assertEquals("chdir to cwd (\"/no/such/dir\") set in config.json failed: no such file or directory",
        e.getMessage());
  }

  @Test
  void exitCodeAndSignalDeathPropagateAndTheContainerLivesOn() throws Exception {
    assertEquals(7, run(exec("sh", "-c", "exit 7").build()).exitCode());
    RunningExec sleeper = start(exec("sleep", "600").build());
    sleeper.kill(9);
    assertEquals(137, sleeper.waitFor());
    assertTrue(container.isAlive());
  }

  @Test
  void capabilitiesAreTheContainersOrAllWhenPrivileged() throws Exception {
    String daemonCaps = Files.readAllLines(Path.of("/proc/self/status")).stream()
        .filter(l -> l.startsWith("CapEff:")).findFirst().orElseThrow();
    assertEquals("CapEff:\t00000000a80425fb\n", run(exec("grep", "CapEff", "/proc/self/status").build()).stdout());
    assertEquals(daemonCaps + "\n", run(exec("grep", "CapEff", "/proc/self/status").privileged().build()).stdout());
  }

  @Test
  void execWithAPtyFromTheContainersOwnDevpts() throws Exception {
    Pty pty = Pty.openIn(Path.of("/proc/" + container.pid() + "/root/dev/pts"));
    ptys.add(pty);
    pty.resize(40, 100);
    TerminalTranscript t = TerminalTranscript.of(pty.input());
    RunningExec exec = start(exec("sh").env("TERM=xterm").stdio(ContainerSpec.Stdio.console(pty.slave())).build());
    int at = t.await("# ", 0);
    pty.output().write("tty; stty size; exit 4\n".getBytes(StandardCharsets.UTF_8));
    pty.output().flush();
    assertEquals(4, exec.waitFor());
    String rest = t.awaitEnd().substring(at);
    assertTrue(rest.contains("\r\n/dev/pts/0\r\n40 100\r\n"), rest);
    assertTrue(container.isAlive());
  }

  @Test
  void execIntoAGoneProcessNamesTheCallAndErrno() throws Exception {
    RunningInit gone = launcher.start(ContainerSpec.builder("true").rootfs(new ContainerSpec.Directory(rootfs)).build());
    gone.release();
    assertEquals(0, gone.waitFor());
    ContainerStartException e = assertThrows(ContainerStartException.class,
        () -> start(ExecSpec.builder(gone.pid(), "true").build()));
    assertEquals(128, e.exitCode());
    assertEquals("open(/proc/" + gone.pid() + "/ns/ipc): ENOENT (No such file or directory)", e.getMessage());
  }

  @Test
  void latencyOfExecTrue() throws Exception {
    long[] micros = new long[20];
    for (int i = 0; i < micros.length; i++) {
      long t0 = System.nanoTime();
      Result r = run(exec("/bin/true").build());
      micros[i] = (System.nanoTime() - t0) / 1000;
      assertEquals(0, r.exitCode(), r.toString());
    }
    long[] sorted = micros.clone();
    Arrays.sort(sorted);
    System.out.printf("jdocker-init --enter -> /bin/true exit, 20 runs: median %.2f ms, min %.2f ms, max %.2f ms%n",
        sorted[10] / 1000.0, sorted[0] / 1000.0, sorted[19] / 1000.0);
  }
}
