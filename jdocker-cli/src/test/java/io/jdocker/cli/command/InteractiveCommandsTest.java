package io.jdocker.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.cli.training.FakeDaemon;
import io.jdocker.cli.tty.WindowSize;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run -it, attach and exec -it against the fake daemon, with a fake terminal. */
class InteractiveCommandsTest {
  static final String ID = ContainerRunTest.ID;
  static final String DETACH = "\u0010\u0011";

  @TempDir
  Path dir;

  CliHarness cli;

  @BeforeEach
  void start() throws Exception {
    cli = new CliHarness(dir);
    cli.stdinIsTerminal = true;
    cli.stdoutIsTerminal = true;
    cli.terminal = new FakeTerminal(new WindowSize(30, 100));
    cli.json("POST /containers/create", 201, "{\"Id\":\"" + ID + "\",\"Warnings\":[]}");
    cli.route("POST /containers/" + ID + "/attach", raw("/ # "));
    cli.route("POST /containers/c1/attach", raw("/ # "));
    cli.json("POST /containers/" + ID + "/wait", 200, "{\"Error\":null,\"StatusCode\":3}");
    cli.json("POST /containers/c1/wait", 200, "{\"Error\":null,\"StatusCode\":0}");
    cli.route("POST /containers/" + ID + "/start", empty(204));
    cli.route("POST /containers/" + ID + "/resize", empty(200));
    cli.route("POST /containers/c1/resize", empty(200));
    cli.json("GET /containers/c1/json", 200, container(true, true));
    cli.json("POST /containers/c1/exec", 201, "{\"Id\":\"e1\"}");
    cli.route("POST /exec/e1/start", raw("# "));
    cli.route("POST /exec/e1/resize", empty(200));
    cli.json("GET /exec/e1/json", 200, "{\"ID\":\"e1\",\"Running\":false,\"ExitCode\":7}");
  }

  @AfterEach
  void stop() throws Exception {
    cli.close();
  }

  static FakeDaemon.Response raw(String text) {
    return new FakeDaemon.Response(101, Map.of("Connection", "Upgrade", "Upgrade", "tcp",
        "Content-Type", "application/vnd.docker.raw-stream"), text.getBytes(StandardCharsets.UTF_8), false);
  }

  static FakeDaemon.Response empty(int status) {
    return new FakeDaemon.Response(status, Map.of(), new byte[0], false);
  }

  static String container(boolean tty, boolean openStdin) {
    return "{\"Id\":\"" + ID + "\",\"Config\":{\"Tty\":" + tty + ",\"OpenStdin\":" + openStdin
        + "},\"State\":{\"Running\":true,\"Paused\":false,\"Restarting\":false}}";
  }

  private String body(String targetPart) {
    return cli.requests().stream().filter(r -> r.target().contains(targetPart)).map(r -> new String(r.body(), StandardCharsets.UTF_8))
        .reduce((a, b) -> b).orElseThrow().strip();
  }

  private List<String> rawModeEvents() {
    return cli.terminal.events.stream().filter(e -> e.equals("raw") || e.equals("restore")).toList();
  }

  @Test
  void runItCreatesWithATtyAttachesRawAndResizesAfterStart() {
    cli.stdin = "exit 3\n".getBytes(StandardCharsets.UTF_8);
    CliHarness.Result r = cli.run("run", "-it", "busybox", "sh");
    assertEquals(List.of("POST /v1.44/containers/create",
        "POST /v1.44/containers/" + ID + "/attach?stderr=1&stdin=1&stdout=1&stream=1",
        "POST /v1.44/containers/" + ID + "/wait?condition=next-exit",
        "POST /v1.44/containers/" + ID + "/start",
        "POST /v1.44/containers/" + ID + "/resize?h=30&w=100"), cli.calls());
    String create = body("/containers/create");
    assertTrue(create.contains("\"AttachStdin\":true,\"AttachStdout\":true,\"AttachStderr\":true,\"Tty\":true,"
        + "\"OpenStdin\":true,\"StdinOnce\":true,"), create);
    assertTrue(create.contains("\"ConsoleSize\":[30,100]"), create);
    assertEquals("/ # ", r.out());
    assertEquals(3, r.status());
    assertEquals(List.of("exit 3\n"), cli.hijackedInputs());
    assertEquals(List.of("raw", "restore"), rawModeEvents());
  }

  @Test
  void runItDetachesWithCtrlPCtrlQSilentlyAndExitsZero() {
    cli.stdin = ("ls\n" + DETACH).getBytes(StandardCharsets.ISO_8859_1);
    CliHarness.Result r = cli.run("run", "-it", "--rm", "busybox", "sh");
    assertEquals(0, r.status());
    assertEquals("", r.err());
    assertEquals(List.of("raw", "restore"), rawModeEvents());
    assertTrue(cli.calls().contains("POST /v1.44/containers/" + ID + "/wait?condition=removed"), cli.calls().toString());
  }

  @Test
  void runWithTtyButNoTerminalIsRefusedOnlyWhenStdinIsAttached() {
    cli.stdinIsTerminal = false;
    CliHarness.Result r = cli.run("run", "-it", "busybox", "sh");
    assertEquals("the input device is not a TTY\n", r.err());
    assertEquals(1, r.status());
    assertEquals(List.of(), cli.calls());
    CliHarness.Result t = cli.run("run", "-t", "busybox", "echo", "hi");
    assertEquals(3, t.status());
    assertEquals(List.of(), rawModeEvents());
  }

  @Test
  void attachToATtyContainerRedrawsThenFollowsTheWindowAndDetachesLikeDocker() throws Exception {
    FakeTerminal terminal = cli.terminal;
    InputStream keys = new InputStream() {
      private boolean resized;

      @Override
      public int read() {
        throw new UnsupportedOperationException();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (!resized) {
          resized = true;
          try {
            terminal.watching.await();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          terminal.resize(new WindowSize(40, 120));
        }
        return -1;
      }
    };
    cli.stdinStream = new SequenceInputStream(keys, new ByteArrayInputStream(("x" + DETACH).getBytes(StandardCharsets.ISO_8859_1)));
    CliHarness.Result r = cli.run("attach", "c1");
    assertEquals(List.of("POST /v1.44/containers/c1/wait", "GET /v1.44/containers/c1/json",
        "POST /v1.44/containers/c1/attach?stderr=1&stdin=1&stdout=1&stream=1", "GET /v1.44/containers/c1/json",
        "POST /v1.44/containers/c1/resize?h=31&w=101", "POST /v1.44/containers/c1/resize?h=30&w=100",
        "POST /v1.44/containers/c1/resize?h=40&w=120"), cli.calls());
    assertEquals("read escape sequence\n", r.err());
    assertEquals(1, r.status());
    assertEquals(List.of("raw", "restore"), rawModeEvents());
    assertEquals("unwatch", terminal.events.getLast());
  }

  @Test
  void attachToANonTtyContainerWithoutStdinIsMultiplexedAndNeverRaw() {
    cli.json("GET /containers/c1/json", 200, container(false, false));
    cli.route("POST /containers/c1/attach", ContainerRunTest.hijack(ContainerRunTest.frame(1, "out\n"), ContainerRunTest.frame(2, "err\n")));
    CliHarness.Result r = cli.run("attach", "c1");
    assertEquals("POST /v1.44/containers/c1/attach?stderr=1&stdout=1&stream=1", cli.calls().get(2));
    assertEquals("out\n", r.out());
    assertEquals("err\n", r.err());
    assertEquals(0, r.status());
    assertTrue(cli.calls().stream().noneMatch(c -> c.contains("/resize")), cli.calls().toString());
    assertEquals(List.of(), rawModeEvents());
  }

  @Test
  void attachToAStoppedContainerIsRefused() {
    cli.json("GET /containers/c1/json", 200, "{\"Id\":\"" + ID + "\",\"Config\":{},\"State\":{\"Running\":false}}");
    CliHarness.Result r = cli.run("attach", "c1");
    assertEquals("You cannot attach to a stopped container, start it first\n", r.err());
    assertEquals(1, r.status());
  }

  @Test
  void execItSendsDockersBodiesResizesAfterTheUpgradeAndExitsWithTheExecsCode() {
    cli.terminal.size = new WindowSize(24, 80);
    cli.stdin = "exit 7\n".getBytes(StandardCharsets.UTF_8);
    CliHarness.Result r = cli.run("exec", "-it", "c1", "sh");
    assertEquals(List.of("GET /v1.44/containers/c1/json", "POST /v1.44/containers/c1/exec", "POST /v1.44/exec/e1/start",
        "POST /v1.44/exec/e1/resize?h=24&w=80", "GET /v1.44/exec/e1/json"), cli.calls());
    assertEquals("{\"User\":\"\",\"Privileged\":false,\"Tty\":true,\"ConsoleSize\":[24,80],\"AttachStdin\":true,"
        + "\"AttachStderr\":true,\"AttachStdout\":true,\"Detach\":false,\"DetachKeys\":\"\",\"Env\":null,\"WorkingDir\":\"\","
        + "\"Cmd\":[\"sh\"]}", body("/containers/c1/exec"));
    assertEquals("{\"Detach\":false,\"Tty\":true,\"ConsoleSize\":[24,80]}", body("/exec/e1/start"));
    assertEquals("Upgrade", cli.requests().stream().filter(q -> q.target().contains("/exec/e1/start")).findFirst()
        .orElseThrow().headers().get("connection"));
    assertEquals("# ", r.out());
    assertEquals(7, r.status());
    assertEquals(List.of("raw", "restore"), rawModeEvents());
  }

  @Test
  void execItWithoutATerminalFailsAfterTheInspectAndExecDetachPrintsTheEscape() {
    cli.stdinIsTerminal = false;
    CliHarness.Result refused = cli.run("exec", "-it", "c1", "sh");
    assertEquals("the input device is not a TTY\n", refused.err());
    assertEquals(List.of("GET /v1.44/containers/c1/json"), cli.calls());
    cli.stdinIsTerminal = true;
    cli.stdin = DETACH.getBytes(StandardCharsets.ISO_8859_1);
    CliHarness.Result detached = cli.run("exec", "-it", "--detach-keys", "ctrl-p,ctrl-q", "c1", "sh");
    assertEquals("read escape sequence\n", detached.err());
    assertEquals(1, detached.status());
    assertTrue(cli.calls().stream().noneMatch(c -> c.startsWith("GET /v1.44/exec/")), cli.calls().toString());
  }

  @Test
  void aRefusedUpgradeReportsTheStatusAsTheGoClientDoes() {
    cli.json("POST /containers/" + ID + "/attach", 400, "{\"message\":\"Invalid detach keys (foo) provided\"}");
    CliHarness.Result r = cli.run("run", "-it", "--detach-keys", "foo", "busybox", "sh");
    assertTrue(cli.calls().get(1).endsWith("/attach?detachKeys=foo&stderr=1&stdin=1&stdout=1&stream=1"), cli.calls().toString());
    assertEquals("unable to upgrade to tcp, received 400\n", r.err());
    assertEquals(1, r.status());
  }

  @Test
  void createSendsStdoutsTerminalSizeEvenWithoutTty() {
    cli.run("create", "busybox");
    assertTrue(body("/containers/create").contains("\"ConsoleSize\":[30,100]"));
    cli.terminal.size = WindowSize.NONE;
    cli.run("create", "-t", "busybox");
    assertTrue(body("/containers/create").contains("\"ConsoleSize\":[0,0]"));
  }
}
