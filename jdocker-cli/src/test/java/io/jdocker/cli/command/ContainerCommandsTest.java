package io.jdocker.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.cli.training.FakeDaemon;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerCommandsTest {
  @TempDir
  Path dir;

  CliHarness cli;

  @BeforeEach
  void start() throws Exception {
    cli = new CliHarness(dir);
    cli.json("GET /containers/json", 200, CliHarness.sample("api_containers.json"));
  }

  @AfterEach
  void stop() throws Exception {
    cli.close();
  }

  @Test
  void psColumnsMatchDocker() {
    // docker ps -a --format <this> against dockerd 20.10, same list entries.
    String format = "table {{.ID}}\\t{{.Image}}\\t{{.Command}}\\t{{.Status}}\\t{{.Ports}}\\t{{.Names}}\\t{{.Size}}\\t{{.Labels}}"
        + "\\t{{.Mounts}}\\t{{.Networks}}\\t{{.LocalVolumes}}\\t{{.State}}";
    assertEquals("""
        CONTAINER ID   IMAGE     COMMAND                  STATUS                    PORTS                                                                                                      NAMES     SIZE                  LABELS    MOUNTS    NETWORKS   LOCAL VOLUMES   STATE
        eaeb3a90c58b   busybox   "sh -c 'exit 7'"         Exited (7) 1 second ago                                                                                                              ex        0B (virtual 1.98MB)                       bridge     0               exited
        64d0cab7f4e7   busybox   "sh -c 'echo hello; …"   Up 1 second               0.0.0.0:9000-9001->9000-9001/tcp, [::]:9000-9001->9000-9001/tcp, 0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   web       0B (virtual 1.98MB)   a=b       /tmp      bridge     0               running
        """, cli.run("ps", "-a", "--format", format).out());
    assertEquals(List.of("GET /v1.44/containers/json?all=1&size=1"), cli.calls());
  }

  @Test
  void psDefaultTableQuietAndNoTrunc() {
    String table = cli.run("ps").out();
    // The sample was captured after the harness's clock, so CREATED is "Less than a second ago".
    assertTrue(table.startsWith("CONTAINER ID   IMAGE     COMMAND                  CREATED                  STATUS      "), table);
    assertEquals("eaeb3a90c58b\n64d0cab7f4e7\n", cli.run("ps", "-q").out());
    assertEquals("""
        eaeb3a90c58be68612783b5654dd9549d3dc1f6155ad2455365ed9e9c4537743 "sh -c 'exit 7'" ex
        64d0cab7f4e7633985677acb9d2ada035aa1f85e4f2696b301154cdeceabd2b4 "sh -c 'echo hello; echo bad >&2; sleep 300'" web
        """, cli.run("ps", "--no-trunc", "--format", "{{.ID}} {{.Command}} {{.Names}}").out());
    assertEquals("ex\nweb\n", cli.run("ps", "--format", "{{.Names}}").out());
  }

  @Test
  void psSendsFlagsAsDockerDoes() {
    cli.run("ps", "-a", "-n", "3", "-f", "name=x", "-f", "status=running");
    cli.run("ps", "-l");
    assertEquals(List.of("GET /v1.44/containers/json?all=1&filters=%7B%22name%22%3A%7B%22x%22%3Atrue%7D%2C%22status%22%3A%7B%22running%22%3Atrue%7D%7D&limit=3",
        "GET /v1.44/containers/json?limit=1"), cli.calls());
  }

  @Test
  void runningForAndCreatedAtUseTheClock() {
    cli.json("GET /containers/json", 200, "[{\"Id\":\"abc\",\"Names\":[\"/n\"],\"Created\":" + (CliHarness.NOW.getEpochSecond() - 7200)
        + ",\"Command\":\"true\",\"Image\":\"busybox\",\"Labels\":{\"b\":\"2\",\"a\":\"1\"}}]");
    assertEquals("2 hours ago|2026-11-28 22:08:35 +0000 UTC|a=1,b=2|2\n",
        cli.run("ps", "--format", "{{.RunningFor}}|{{.CreatedAt}}|{{.Labels}}|{{.Label \"b\"}}").out());
  }

  @Test
  void psJsonHasDockersFields() {
    String line = cli.run("ps", "--format", "{{json .}}").out().lines().findFirst().orElseThrow();
    assertTrue(line.startsWith("{\"Command\":\"\\\"sh -c 'exit 7'\\\"\",\"CreatedAt\":"), line);
    assertTrue(line.contains("\"ID\":\"eaeb3a90c58b\",\"Image\":\"busybox\",\"Labels\":\"\",\"LocalVolumes\":\"0\",\"Mounts\":\"\","
        + "\"Names\":\"ex\",\"Networks\":\"bridge\",\"Platform\":null,\"Ports\":\"\",\"RunningFor\":"), line);
    assertTrue(line.endsWith("\"Size\":\"0B (virtual 1.98MB)\",\"State\":\"exited\",\"Status\":\"Exited (7) 1 second ago\"}"), line);
  }

  @Test
  void logsDemultiplexesStdoutAndStderr() {
    cli.json("GET /containers/web/json", 200, "{\"Id\":\"64d0\",\"Config\":{\"Tty\":false}}");
    ByteArrayOutputStream frames = new ByteArrayOutputStream();
    frames.writeBytes(ContainerRunTest.frame(1, "hello\n"));
    frames.writeBytes(ContainerRunTest.frame(2, "bad\n"));
    cli.route("GET /containers/64d0/logs", new FakeDaemon.Response(200, Map.of(), frames.toByteArray(), true));
    CliHarness.Result r = cli.run("logs", "-n", "2", "-t", "web");
    assertEquals("hello\n", r.out());
    assertEquals("bad\n", r.err());
    assertEquals(List.of("GET /v1.44/containers/web/json", "GET /v1.44/containers/64d0/logs?stderr=1&stdout=1&tail=2&timestamps=1"), cli.calls());
  }

  @Test
  void logsOfATtyContainerAreRaw() {
    cli.json("GET /containers/t/json", 200, "{\"Id\":\"t1\",\"Config\":{\"Tty\":true}}");
    cli.route("GET /containers/t1/logs", new FakeDaemon.Response(200, Map.of(), "tty 4\r\n".getBytes(), true));
    assertEquals("tty 4\r\n", cli.run("logs", "t").out());
  }

  @Test
  void rmReportsEachFailureAndForceToleratesMissing() {
    cli.route("DELETE /containers/a", new FakeDaemon.Response(204, Map.of(), new byte[0], false));
    cli.json("DELETE /containers/nope", 404, "{\"message\":\"No such container: nope\"}");
    CliHarness.Result r = cli.run("rm", "nope", "a");
    assertEquals("a\n", r.out());
    assertEquals("Error response from daemon: No such container: nope\n", r.err());
    assertEquals(1, r.status());
    assertEquals(0, cli.run("rm", "-f", "-v", "nope", "a").status());
    assertTrue(cli.calls().contains("DELETE /v1.44/containers/a?force=1&v=1"));
    CliHarness.Result none = cli.run("rm");
    assertEquals("jdocker: 'jdocker rm' requires at least 1 argument\n\nUsage:  jdocker rm [OPTIONS] CONTAINER [CONTAINER...]\n\n"
        + "See 'jdocker rm --help' for more information\n", none.err());
    assertEquals(1, none.status());
  }

  @Test
  void stopKillWaitAndFriendsSendDockersRequests() {
    FakeDaemon.Response empty = new FakeDaemon.Response(204, Map.of(), new byte[0], false);
    for (String route : List.of("stop", "kill", "restart", "pause", "unpause", "start", "rename")) {
      cli.route("POST /containers/a/" + route, empty);
    }
    cli.json("POST /containers/a/wait", 200, "{\"Error\":null,\"StatusCode\":137}");
    assertEquals("a\n", cli.run("stop", "-t", "1", "-s", "TERM", "a").out());
    cli.run("kill", "-s", "HUP", "a");
    cli.run("container", "restart", "a");
    cli.run("pause", "a");
    cli.run("unpause", "a");
    cli.run("start", "a");
    cli.run("rename", "a", "b");
    assertEquals("137\n", cli.run("wait", "a").out());
    assertEquals(List.of("POST /v1.44/containers/a/stop?signal=TERM&t=1", "POST /v1.44/containers/a/kill?signal=HUP",
        "POST /v1.44/containers/a/restart", "POST /v1.44/containers/a/pause", "POST /v1.44/containers/a/unpause",
        "POST /v1.44/containers/a/start", "POST /v1.44/containers/a/rename?name=b", "POST /v1.44/containers/a/wait"), cli.calls());
  }

  @Test
  void topAlignsLikeDocker() {
    cli.json("GET /containers/web/top", 200, "{\"Titles\":[\"PID\",\"COMMAND\"],\"Processes\":[[\"15064\",\"sleep\"]]}");
    assertEquals("PID                 COMMAND\n15064               sleep\n", cli.run("top", "web", "-o", "pid,comm").out());
    assertEquals("GET /v1.44/containers/web/top?ps_args=-o+pid%2Ccomm", cli.calls().getLast());
  }
}
