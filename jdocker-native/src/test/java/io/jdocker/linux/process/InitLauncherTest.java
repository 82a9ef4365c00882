package io.jdocker.linux.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.linux.jnr.JnrProcessSyscalls;
import io.jdocker.linux.ns.Namespace;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs real containers from a busybox rootfs (needs root). */
class InitLauncherTest {
  @TempDir Path tmp;
  private Path lower;
  private InitLauncher launcher;
  private final List<RunningInit> started = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    BusyboxRootfs.assumeRoot();
    lower = BusyboxRootfs.create(Files.createDirectory(tmp.resolve("lower")));
    launcher = new InitLauncher(InitHelper.locate(), tmp.resolve("run"), JnrProcessSyscalls.INSTANCE);
  }

  @AfterEach
  void killLeftovers() throws Exception {
    for (RunningInit init : started) {
      if (init.isAlive()) {
        init.abort();
        init.waitFor();
      }
    }
  }

  record Result(int exitCode, String stdout, String stderr) {}

  private ContainerSpec.Overlay overlay() throws IOException {
    return new ContainerSpec.Overlay(List.of(lower),
        Files.createDirectories(tmp.resolve("upper")), Files.createDirectories(tmp.resolve("work")),
        tmp.resolve("merged"));
  }

  private ContainerSpec.Builder sh(String script) throws IOException {
    return ContainerSpec.builder("/bin/sh", "-c", script).rootfs(overlay())
        .env("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin").hostname("box1");
  }

  private RunningInit start(ContainerSpec spec) throws IOException {
    RunningInit init = launcher.start(spec);
    started.add(init);
    return init;
  }

  private Result run(ContainerSpec spec) throws Exception {
    RunningInit init = start(spec);
    init.stdin().close();
    CompletableFuture<String> out = drain(init.stdout());
    CompletableFuture<String> err = drain(init.stderr());
    try {
      init.release();
    } catch (ContainerStartException e) {
      // The exit code and stderr carry the failure; tests assert on those.
    }
    int code = init.waitFor();
    return new Result(code, out.get(), err.get());
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
  void shellIsPid1() throws Exception {
    Result r = run(sh("echo $$").build());
    assertEquals(new Result(0, "1\n", ""), r);
  }

  @Test
  void hostnameComesFromTheSpec() throws Exception {
    assertEquals("box1\n", run(sh("hostname").build()).stdout());
  }

  @Test
  void procShowsOnlyTheContainersProcesses() throws Exception {
    Result r = run(sh("ls /proc | grep '^[0-9]' | tr '\\n' ' '").build());
    // sh (1), and ls, grep and tr of the pipeline.
    List<String> pids = Arrays.asList(r.stdout().trim().split(" "));
    assertTrue(pids.contains("1"), r.toString());
    assertTrue(pids.size() <= 4 && pids.stream().allMatch(p -> Integer.parseInt(p) < 10), r.toString());
  }

  @Test
  void rootIsOverlayAndSpecialFilesystemsAreMounted() throws Exception {
    Result r = run(sh("cat /proc/self/mountinfo").build());
    List<String> lines = r.stdout().lines().toList();
    assertTrue(lines.get(0).contains(" / / ") && lines.get(0).contains(" - overlay overlay "), r.stdout());
    for (String expected : List.of(" /proc rw,nosuid,nodev,noexec", " /sys ro,", " - tmpfs", " /dev/pts ",
        " /dev/shm ", " /dev/mqueue ")) {
      assertTrue(r.stdout().contains(expected), expected + " missing in\n" + r.stdout());
    }
    assertEquals(0, r.exitCode());
  }

  @Test
  void devHasTheStandardNodes() throws Exception {
    Result r = run(sh("ls -l /dev/null /dev/zero /dev/full /dev/random /dev/urandom /dev/tty /dev/ptmx"
        + " && echo hi > /dev/null && head -c 3 /dev/zero | wc -c").build());
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.stdout().matches("(?s).*crw-rw-rw- .* 1,   3 .* /dev/null\\n.*") && r.stdout().contains("/dev/ptmx -> pts/ptmx"), r.stdout());
    assertTrue(r.stdout().endsWith("3\n"), r.stdout());
  }

  @Test
  void stdioCanBeFiles() throws Exception {
    Path in = Files.writeString(tmp.resolve("in"), "from file\n");
    Path out = tmp.resolve("out");
    Path err = tmp.resolve("err");
    RunningInit init = start(sh("cat; echo oops >&2").stdio(new ContainerSpec.Stdio(ProcessBuilder.Redirect.from(in.toFile()),
        ProcessBuilder.Redirect.to(out.toFile()), ProcessBuilder.Redirect.to(err.toFile()), false)).build());
    init.release();
    assertEquals(0, init.waitFor());
    assertEquals("from file\n", Files.readString(out));
    assertEquals("oops\n", Files.readString(err));
  }

  @Test
  void outputFifosOpenedByTheHelperAndTheExitCodeFileOutliveTheDaemonSide() throws Exception {
    Path out = tmp.resolve("out.fifo");
    Path err = tmp.resolve("err.fifo");
    Path exitFile = tmp.resolve("exit-status");
    for (Path fifo : List.of(out, err)) {
      assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    }
    RunningInit init = start(sh("echo to-out; echo to-err >&2; exit 6")
        .stdio(ContainerSpec.Stdio.fifos(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")), out, err))
        .exitFile(exitFile).build());
    // jdocker-init holds both FIFOs read-write, so opening them for reading does not block.
    CompletableFuture<String> stdout = drain(Files.newInputStream(out));
    CompletableFuture<String> stderr = drain(Files.newInputStream(err));
    init.release();
    assertEquals(6, init.waitFor());
    assertEquals("to-out\n", stdout.get());
    assertEquals("to-err\n", stderr.get());
    assertEquals("6\n", Files.readString(exitFile));
  }

  @Test
  void theHelperHoldsStdinOpenUntilCloseStdinSoTheDaemonsEndClosingIsNotEof() throws Exception {
    RelayFifos fifos = new RelayFifos(tmp.resolve("fifos"));
    OutputStream daemonWriter = fifos.openIn();
    ContainerSpec.Relay relay = new ContainerSpec.Relay(null, 0, 0, fifos.in, fifos.ctl);
    RunningInit init = start(sh("cat; echo eof").stdio(ContainerSpec.Stdio.relayed(fifos.out, null, relay)).build());
    InputStream out = fifos.openOut();
    init.release();
    RelayFifos.write(daemonWriter, "one\n");
    RelayFifos.readUntil(out, "one\n");
    daemonWriter.close(); // the daemon dies
    try (OutputStream restarted = fifos.openIn()) {
      RelayFifos.write(restarted, "two\n");
      assertEquals("two\n", RelayFifos.readUntil(out, "two\n")); // cat got no EOF: it still reads
      try (RelayControl ctl = RelayControl.open(fifos.ctl)) {
        ctl.closeStdin();
      }
    } // with the daemon's end closed too, cat sees EOF
    assertEquals(0, init.waitFor());
    assertEquals("eof\n", new String(out.readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void exitCodePropagates() throws Exception {
    assertEquals(3, run(sh("exit 3").build()).exitCode());
  }

  @Test
  void commandNotFoundIs127WithDockersMessage() throws Exception {
    RunningInit init = start(ContainerSpec.builder("nope").rootfs(overlay()).build());
    ContainerStartException e = assertThrows(ContainerStartException.class, init::release);
    assertEquals("exec: \"nope\": executable file not found in $PATH", e.getMessage());
    assertEquals(127, e.exitCode());
    assertEquals(127, init.waitFor());
    assertEquals("exec: \"nope\": executable file not found in $PATH\n",
        new String(init.stderr().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void nonExecutableFileIs126() throws Exception {
    Result r = run(ContainerSpec.builder("/etc/passwd").rootfs(overlay()).build());
    assertEquals(new Result(126, "", "exec: \"/etc/passwd\": permission denied\n"), r);
  }

  @Test
  void sigkillOfPid1Gives137() throws Exception {
    RunningInit init = start(sh("sleep 1000").build());
    init.release();
    assertTrue(ProcStat.isSameProcess(init.pid(), init.startTime()));
    init.kill(9);
    assertEquals(137, init.waitFor());
    assertFalse(ProcStat.isSameProcess(init.pid(), init.startTime()));
  }

  @Test
  void writesLandInTheUpperDirAndTheLowerStaysUntouched() throws Exception {
    Result r = run(sh("echo new > /etc/added && echo changed > /etc/passwd && rm /bin/ls").build());
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals("new\n", Files.readString(tmp.resolve("upper/etc/added")));
    assertEquals("changed\n", Files.readString(tmp.resolve("upper/etc/passwd")));
    assertEquals("root:x:0:0:root:/root:/bin/sh\n", Files.readString(lower.resolve("etc/passwd")));
    assertFalse(Files.exists(lower.resolve("etc/added")));
    assertTrue(Files.isSymbolicLink(lower.resolve("bin/ls")));
  }

  @Test
  void readOnlyBindMountCannotBeWritten() throws Exception {
    Path data = Files.createDirectory(tmp.resolve("data"));
    Files.writeString(data.resolve("f"), "host\n");
    Result r = run(sh("cat /data/f; echo x > /data/f || echo refused; echo y > /rw/g")
        .mount(new ContainerSpec.BindMount(data, "/data", true))
        .mount(new ContainerSpec.BindMount(data, "/rw", false)).build());
    assertTrue(r.stdout().startsWith("host\nrefused\n"), r.toString());
    assertTrue(r.stderr().contains("Read-only file system"), r.toString());
    assertEquals("host\n", Files.readString(data.resolve("f")));
    assertEquals("y\n", Files.readString(data.resolve("g")));
  }

  @Test
  void mountDestinationsResolveSymlinksInsideTheContainerRoot() throws Exception {
    Path data = Files.createDirectory(tmp.resolve("data"));
    Files.writeString(data.resolve("f"), "host\n");
    Path victim = tmp.resolve("victim");
    Files.createSymbolicLink(lower.resolve("evil"), victim);
    Result r = run(sh("cat /evil/sub/f").mount(new ContainerSpec.BindMount(data, "/evil/sub", true)).build());
    assertEquals(new Result(0, "host\n", ""), r);
    assertFalse(Files.exists(victim), "the mount point was created on the host");
    assertTrue(Files.isDirectory(tmp.resolve("upper").resolve(victim.toString().substring(1)).resolve("sub")),
        "the mount point was created inside the container's root");
  }

  @Test
  void userCwdAndEnvironmentAreApplied() throws Exception {
    Result r = run(sh("id -u; id -G; pwd; echo $GREETING").user(1000, 1001).group(1002).cwd("/work/dir")
        .env("GREETING=hello").build());
    assertEquals(new Result(0, "1000\n1001 1002\n/work/dir\nhello\n", ""), r);
  }

  @Test
  void plainDirectoryRootWithoutPidNamespace() throws Exception {
    Result r = run(ContainerSpec.builder("/bin/sh", "-c", "echo $$; cat /etc/passwd")
        .rootfs(new ContainerSpec.Directory(lower)).namespaces(Set.of(Namespace.MOUNT)).build());
    assertEquals(0, r.exitCode(), r.toString());
    assertFalse(r.stdout().startsWith("1\n"), r.stdout());
    assertTrue(r.stdout().endsWith("root:x:0:0:root:/root:/bin/sh\n"), r.stdout());
  }

  @Test
  void setupFailureIs128AndNamesTheCall() throws Exception {
    Path missing = tmp.resolve("missing");
    RunningInit init = start(sh("true").mount(new ContainerSpec.BindMount(missing, "/x", false)).build());
    ContainerStartException e = assertThrows(ContainerStartException.class, init::release);
    assertEquals("stat(" + missing + "): ENOENT (No such file or directory)", e.getMessage());
    assertEquals(128, init.waitFor());
  }

  @Test
  void defaultSecurityKeepsDockersCapabilitiesAndHidesKernelFiles() throws Exception {
    Result r = run(sh("grep CapEff /proc/self/status; wc -c < /proc/timer_list; ls /sys/firmware | wc -l;"
        + " grep -c ' /proc/sys ro,' /proc/self/mountinfo; mount -t tmpfs none /tmp && echo mounted").build());
    assertEquals("CapEff:\t00000000a80425fb\n0\n0\n1\n", r.stdout(), r.toString());
    assertTrue(r.stderr().contains("mount: permission denied"), r.stderr());
  }

  @Test
  void privilegedKeepsEveryCapabilityTheDaemonHas() throws Exception {
    String daemonCaps = Files.readAllLines(Path.of("/proc/self/status")).stream()
        .filter(l -> l.startsWith("CapEff:")).findFirst().orElseThrow();
    Result r = run(sh("grep CapEff /proc/self/status; wc -c < /proc/timer_list | grep -vx 0")
        .security(ContainerSpec.Security.privileged()).build());
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.stdout().startsWith(daemonCaps + "\n"), r.stdout());
  }

  @Test
  void nonRootUserHasNoCapabilities() throws Exception {
    Result r = run(sh("grep CapEff /proc/self/status").user(1000, 1000).build());
    assertEquals("CapEff:\t0000000000000000\n", r.stdout(), r.toString());
  }

  @Test
  void readOnlyRootRefusesWritesButDevShmStaysWritable() throws Exception {
    Result r = run(sh("touch /x || echo refused; touch /dev/shm/y && echo shm-ok")
        .security(ContainerSpec.Security.dockerDefault().withReadOnlyRoot(true)).build());
    assertEquals("refused\nshm-ok\n", r.stdout(), r.toString());
    assertTrue(r.stderr().contains("Read-only file system"), r.stderr());
  }

  @Test
  void latencyFromStartToTrueExiting() throws Exception {
    long[] micros = new long[20];
    for (int i = 0; i < micros.length; i++) {
      long t0 = System.nanoTime();
      Result r = run(ContainerSpec.builder("/bin/true").rootfs(overlay()).build());
      micros[i] = (System.nanoTime() - t0) / 1000;
      assertEquals(0, r.exitCode(), r.toString());
    }
    long[] sorted = micros.clone();
    Arrays.sort(sorted);
    System.out.printf("jdocker-init start -> /bin/true exit, 20 runs: median %.2f ms, min %.2f ms, max %.2f ms%n",
        sorted[10] / 1000.0, sorted[0] / 1000.0, sorted[19] / 1000.0);
  }
}
