package io.jdocker.linux.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.linux.jnr.JnrProcessSyscalls;
import io.jdocker.linux.pty.Pty;
import io.jdocker.linux.pty.TerminalTranscript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Containers whose stdio is a pty slave opened by jdocker-init (needs root). */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard, not an assertion
class ContainerPtyTest {
  @TempDir Path tmp;
  private Path rootfs;
  private InitLauncher launcher;
  private final List<RunningInit> started = new ArrayList<>();
  private final List<java.io.Closeable> consoles = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    BusyboxRootfs.assumeRoot();
    rootfs = BusyboxRootfs.create(Files.createDirectory(tmp.resolve("rootfs")));
    launcher = new InitLauncher(InitHelper.locate(), tmp.resolve("run"), JnrProcessSyscalls.INSTANCE);
  }

  @AfterEach
  void cleanUp() throws Exception {
    try {
      for (RunningInit init : started) {
        if (init.isAlive()) {
          init.abort();
          init.waitFor();
        }
      }
    } finally {
      for (java.io.Closeable console : consoles) {
        console.close();
      }
    }
  }

  private ContainerConsole console(int rows, int columns) throws IOException {
    ContainerConsole console = ContainerConsole.create(tmp.resolve("pts" + consoles.size()));
    consoles.add(console);
    console.pty().resize(rows, columns);
    return console;
  }

  private RunningInit start(ContainerConsole console, String... args) throws IOException {
    RunningInit init = launcher.start(builder(args).stdio(console.stdio()).mount(console.devptsMount()).build());
    started.add(init);
    init.release();
    console.releaseHostMount();
    return init;
  }

  private ContainerSpec.Builder builder(String... args) throws IOException {
    return ContainerSpec.builder(args).rootfs(overlay()).env("PATH=/bin").env("TERM=xterm").hostname("ttybox");
  }

  private ContainerSpec.Overlay overlay() throws IOException {
    Path dir = Files.createTempDirectory(tmp, "ctr");
    return new ContainerSpec.Overlay(List.of(rootfs), Files.createDirectories(dir.resolve("upper")),
        Files.createDirectories(dir.resolve("work")), dir.resolve("merged"));
  }

  @Test
  void ttyIsDevPts0WithTheSizeSetBeforeStartAndPid1LeadsItsSession() throws Exception {
    ContainerConsole console = console(33, 101);
    TerminalTranscript t = TerminalTranscript.of(console.pty().input());
    RunningInit init = start(console, "/bin/sh", "-c",
        "tty; stty size; readlink /proc/self/fd/2; read sid tpgid <<EOF\n$(cut -d' ' -f6,8 /proc/$$/stat)\nEOF\n"
            + "echo session=$sid foreground=$tpgid");
    assertEquals(0, init.waitFor());
    // Output translated by the terminal: every "\n" the container writes arrives as "\r\n".
    assertEquals("/dev/pts/0\r\n33 101\r\n/dev/pts/0\r\nsession=1 foreground=1\r\n", t.awaitEnd());
  }

  @Test
  void hostPtyWorksTooButTtyCannotNameIt() throws Exception {
    Pty pty = Pty.open();
    consoles.add(pty);
    TerminalTranscript t = TerminalTranscript.of(pty.input());
    RunningInit init = launcher.start(builder("/bin/sh", "-c", "tty; echo $?; [ -t 0 ] && [ -t 1 ] && [ -t 2 ] && echo all-ttys")
        .stdio(ContainerSpec.Stdio.console(pty.slave())).build());
    started.add(init);
    init.release();
    assertEquals(0, init.waitFor());
    // The slave lives in the host's devpts, which the container cannot see: ttyname() fails.
    assertEquals("not a tty\r\n1\r\nall-ttys\r\n", t.awaitEnd());
  }

  @Test
  void resizeReachesTheRunningProcessWithSigwinch() throws Exception {
    ContainerConsole console = console(24, 80);
    TerminalTranscript t = TerminalTranscript.of(console.pty().input());
    RunningInit init = start(console, "/bin/sh", "-c",
        "trap 'echo winch $(stty size)' WINCH; stty size; echo ready; read line; stty size");
    int at = t.await("ready\r\n", 0);
    assertTrue(t.text().startsWith("24 80\r\n"), t.text());
    console.pty().resize(50, 132);
    // The trap runs when the shell's wait for `read` is interrupted, or after it at the latest.
    console.pty().output().write("go\n".getBytes(StandardCharsets.UTF_8));
    console.pty().output().flush();
    assertEquals(0, init.waitFor());
    String rest = t.awaitEnd().substring(at);
    assertTrue(rest.contains("winch 50 132\r\n"), rest);
    assertTrue(rest.endsWith("go\r\n50 132\r\n") || rest.endsWith("50 132\r\n"), rest);
  }

  @Test
  void interactiveShellEndsWithTheExitCodeTyped() throws Exception {
    ContainerConsole console = console(24, 80);
    TerminalTranscript t = TerminalTranscript.of(console.pty().input());
    RunningInit init = start(console, "/bin/sh");
    int at = t.await("# ", 0); // root's prompt: sh is interactive because stdin is a terminal
    console.pty().output().write("echo $((6 * 7))\n".getBytes(StandardCharsets.UTF_8));
    console.pty().output().flush();
    at = t.await("42\r\n", at);
    console.pty().output().write("exit 3\n".getBytes(StandardCharsets.UTF_8));
    console.pty().output().flush();
    assertEquals(3, init.waitFor());
    assertTrue(t.awaitEnd().contains("exit 3\r\n"), t.text()); // the terminal echoed the typing
  }

  @Test
  void consoleAndTheHostMountAreGoneAfterClose() throws Exception {
    ContainerConsole console = console(24, 80);
    Path dir = tmp.resolve("pts0");
    assertTrue(Files.readString(Path.of("/proc/self/mountinfo")).contains(" " + dir + " "));
    console.close();
    assertTrue(!Files.readString(Path.of("/proc/self/mountinfo")).contains(" " + dir + " "));
    assertTrue(!Files.exists(dir));
  }
}
