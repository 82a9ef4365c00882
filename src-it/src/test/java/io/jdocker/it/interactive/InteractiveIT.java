package io.jdocker.it.interactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.it.support.BusyboxImage;
import io.jdocker.it.support.Client;
import io.jdocker.it.support.CommandResult;
import io.jdocker.it.support.Daemon;
import io.jdocker.it.support.SharedDaemon;
import io.jdocker.it.support.Tmux;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A person at a terminal: run -it, detach, attach, exec -it, driven through a real pty (tmux). */
@ExtendWith(SharedDaemon.class)
class InteractiveIT {
  static final String IMAGE = "it-tty-busybox";
  private final Daemon daemon;

  InteractiveIT(Daemon daemon) {
    this.daemon = daemon;
  }

  @BeforeAll
  static void importImage(Daemon daemon) {
    BusyboxImage.importAs(daemon, IMAGE);
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void interactiveShellResizesDetachesReattachesAndExits(Client cli) {
    String name = "it-tty-" + cli.tag();
    try (Tmux term = Tmux.start(100, 30, cli.shellCommand(daemon, "run", "-it", "--name", name,
        IMAGE, "sh"))) {
      term.await("a prompt", s -> s.contains("#"));
      term.typeLine("echo pid=$$");
      term.await("pid=1", s -> s.contains("pid=1"));
      term.typeLine("stty size");
      term.await("the pane's size", s -> s.contains("30 100"));
      term.resize(120, 40);
      // The new size travels tmux -> SIGWINCH -> client -> POST /resize -> jdocker-init, while typed
      // keys take a shorter way: ask again until it has arrived, as a person would.
      term.awaitWhile("the new size", () -> term.typeLine("stty size"), s -> s.contains("40 120"));
      term.typeLine("sleep 300");
      awaitProcess(cli, name, "sleep 300");
      term.keys("C-c");
      term.typeLine("echo status=$?");
      term.await("Ctrl-C killing the container's foreground job", s -> s.contains("status=130"));

      term.keys("C-p", "C-q");
      assertEquals(0, term.awaitExit(), "detaching ends the client with 0");
    }
    assertEquals("true", cli.run(daemon, "inspect", "-f", "{{.State.Running}}", name)
        .assertSuccess().out(), "the container keeps running after a detach");

    try (Tmux term = Tmux.start(100, 30, cli.shellCommand(daemon, "attach", name))) {
      // attach shows nothing until the shell hears from it: press Enter until its prompt returns
      // (keys typed before the client made the terminal raw would be swallowed by the pty).
      term.awaitWhile("the re-attached prompt", () -> term.keys("Enter"), s -> s.contains("#"));
      term.typeLine("echo again=$((40+2))");
      term.await("the re-attached shell", s -> s.contains("again=42"));
      term.typeLine("exit 3");
      assertEquals(3, term.awaitExit(), "the client exits with the container's code");
    }
    assertEquals("exited 3", cli.run(daemon, "inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}",
        name).assertSuccess().out());
    assertTrue(cli.run(daemon, "logs", name).assertSuccess().stdout().contains("pid=1\r\n"),
        "a TTY container's log keeps the terminal's CRLF line ends");
    cli.run(daemon, "rm", name).assertSuccess();
  }

  private void awaitProcess(Client cli, String container, String command) {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!cli.run(daemon, "top", container).assertSuccess().stdout().contains(command)) {
      assertTrue(System.nanoTime() < deadline, command + " never showed in top");
      Thread.onSpinWait();
    }
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void customDetachKeysLeaveTheContainerRunning(Client cli) {
    String name = "it-detach-keys-" + cli.tag();
    try (Tmux term = Tmux.start(80, 24, cli.shellCommand(daemon, "run", "-it", "--detach-keys",
        "ctrl-x,x", "--name", name, IMAGE, "sh"))) {
      term.await("a prompt", s -> s.contains("#"));
      term.keys("C-p", "C-q");
      term.typeLine("echo still=attached");
      term.await("Ctrl-P Ctrl-Q passed through as input", s -> s.contains("still=attached"));
      term.keys("C-x");
      term.type("x");
      assertEquals(0, term.awaitExit(), "the custom keys detach");
    }
    assertEquals("true", cli.run(daemon, "inspect", "-f", "{{.State.Running}}", name)
        .assertSuccess().out());
    cli.run(daemon, "rm", "-f", name).assertSuccess();
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void ttyWithoutStdinStillGetsTheTerminalsSize(Client cli) {
    try (Tmux term = Tmux.start(70, 20, cli.shellCommand(daemon, "run", "-t", "--rm", IMAGE, "sh",
        "-c", "tty; stty size; exit 6"))) {
      assertEquals(6, term.awaitExit());
      String screen = term.screen();
      assertTrue(screen.contains("/dev/pts/0") && screen.contains("20 70"), screen);
    }
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void clientsKilledMidStreamHurtNeitherTheContainerNorItsLog(Client cli) {
    String name = "it-killed-client-" + cli.tag();
    cli.run(daemon, "run", "-d", "-t", "--name", name, IMAGE, "sh", "-c",
        "i=0; while :; do i=$((i+1)); echo tick $i; usleep 20000; done").assertSuccess();
    for (String[] client : new String[][] {{"attach", name}, {"logs", "-f", name}}) {
      try (Tmux term = Tmux.start(80, 24, cli.shellCommand(daemon, client))) {
        term.await("the stream's output", s -> s.contains("tick"));
        term.killCommand();
        assertEquals(137, term.awaitExit());
      }
    }
    assertEquals("true", cli.run(daemon, "inspect", "-f", "{{.State.Running}}", name)
        .assertSuccess().out());
    assertEquals("ok", cli.run(daemon, "exec", name, "echo", "ok").assertSuccess().out());
    long logged = logLines(cli, name);
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (logLines(cli, name) <= logged) {
      assertTrue(System.nanoTime() < deadline, "the container's log stopped growing");
      Thread.onSpinWait();
    }
    cli.run(daemon, "rm", "-f", name).assertSuccess();
  }

  private long logLines(Client cli, String name) {
    return cli.run(daemon, "logs", name).assertSuccess().stdout().lines().count();
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void execItRunsAShellBesideTheContainer(Client cli) {
    String name = "it-exec-tty-" + cli.tag();
    cli.run(daemon, "run", "-d", "--name", name, IMAGE, "sleep", "600").assertSuccess();
    try (Tmux term = Tmux.start(90, 25, cli.shellCommand(daemon, "exec", "-it", name, "sh"))) {
      term.await("a prompt", s -> s.contains("#"));
      term.typeLine("cat /proc/1/cmdline | tr '\\0' ' '; echo; tty");
      term.await("the container's PID 1 and a tty", s -> s.contains("sleep 600")
          && s.contains("/dev/pts/"));
      term.typeLine("exit 5");
      assertEquals(5, term.awaitExit());
    }
    assertEquals("true", cli.run(daemon, "inspect", "-f", "{{.State.Running}}", name)
        .assertSuccess().out(), "exec's exit leaves the container running");
    cli.run(daemon, "rm", "-f", name).assertSuccess();
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void pipedStdinReachesTheContainer(Client cli) {
    CommandResult result = cli.command(daemon, "run", "-i", "--rm", IMAGE, "sh", "-c",
        "cat; echo done >&2").stdin("line1\nline2\n".getBytes()).run();
    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals("line1\nline2\n", result.stdout());
    assertTrue(result.stderr().contains("done"), result.stderr());
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void execRunsInTheContainerAndReportsItsCode(Client cli) {
    String name = "it-exec-" + cli.tag();
    cli.run(daemon, "run", "-d", "--name", name, "-e", "FROM_RUN=1", IMAGE, "sleep", "600")
        .assertSuccess();
    assertEquals(4, cli.run(daemon, "exec", name, "sh", "-c", "exit 4").exitCode());
    assertEquals("1 /tmp bar 65534", cli.run(daemon, "exec", "-w", "/tmp", "-e", "FOO=bar", "-u",
        "nobody", name, "sh", "-c", "echo $FROM_RUN $(pwd) $FOO $(id -u)").assertSuccess().out());
    assertEquals("piped", cli.command(daemon, "exec", "-i", name, "cat").stdin("piped".getBytes())
        .run().assertSuccess().out());

    CommandResult missing = cli.run(daemon, "exec", name, "no-such-binary");
    assertEquals(127, missing.exitCode());
    // dockerd writes a failed exec start into the raw stream, so the docker CLI prints it on stdout.
    assertTrue((missing.stdout() + missing.stderr()).contains("executable file not found"),
        missing.stdout() + missing.stderr());

    cli.run(daemon, "exec", "-d", name, "sleep", "777").assertSuccess();
    String top = cli.run(daemon, "top", name).assertSuccess().stdout();
    assertTrue(top.contains("sleep 777"), "top lists exec'd processes: " + top);

    cli.run(daemon, "stop", "-t", "1", name).assertSuccess();
    CommandResult stopped = cli.run(daemon, "exec", name, "true");
    assertNotEquals(0, stopped.exitCode());
    assertTrue(stopped.stderr().contains("is not running"), stopped.stderr());
    cli.run(daemon, "rm", name).assertSuccess();
  }
}
