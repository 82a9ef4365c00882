package io.jdocker.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.cli.training.FakeDaemon;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsCommandTest {
  private static final String V1 = CliHarness.sample("api_stats_v1.json");
  private static final String V2 = CliHarness.sample("api_stats_v2.json");
  /** What dockerd answers for a container that is not running (jdockerd alike). */
  private static final String STOPPED = "{\"read\":\"0001-01-01T00:00:00Z\",\"preread\":\"0001-01-01T00:00:00Z\",\"pids_stats\":{},"
      + "\"blkio_stats\":{\"io_service_bytes_recursive\":null},\"num_procs\":0,\"storage_stats\":{},"
      + "\"cpu_stats\":{\"cpu_usage\":{\"total_usage\":0}},\"precpu_stats\":{\"cpu_usage\":{\"total_usage\":0}},"
      + "\"memory_stats\":{},\"name\":\"/ex\",\"id\":\"eaeb3a90c58be68612783b5654dd9549d3dc1f6155ad2455365ed9e9c4537743\"}";

  @TempDir
  Path dir;

  CliHarness cli;

  @BeforeEach
  void start() throws Exception {
    cli = new CliHarness(dir);
    cli.json("GET /containers/busy/stats", 200, V1);
    cli.json("GET /containers/web/stats", 200, V2);
  }

  @AfterEach
  void stop() throws Exception {
    cli.close();
  }

  @Test
  void noStreamTableFromCgroupV1AndV2Samples() {
    CliHarness.Result r = cli.run("stats", "--no-stream", "busy", "web");
    // v1: usage minus total_inactive_file; CPU from the per-CPU list's length (no online_cpus).
    // v2: usage minus inactive_file; I/O in decimal units, memory in binary ones.
    // Expected text: docker 28.2.2's output for the same canned answers.
    assertEquals("""
        CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT   MEM %     NET I/O         BLOCK I/O       PIDS
        6a8a2c960b9e   busy      99.89%    172KiB / 64MiB      0.26%     2kB / 1.05kB    4.1MB / 1.5MB   3
        f00dfeedc0de   web       50.00%    9MiB / 23.54GiB     0.04%     52.9MB / 999B   123MB / 988kB   12
        """, r.out());
    assertEquals(0, r.status());
    assertEquals(List.of("GET /v1.44/containers/busy/stats?stream=0", "GET /v1.44/containers/web/stats?stream=0"),
        cli.calls().stream().sorted().toList());
  }

  @Test
  void containerStatsIsTheSameCommand() {
    assertEquals(cli.run("stats", "--no-stream", "busy").out(), cli.run("container", "stats", "--no-stream", "busy").out());
  }

  @Test
  void jsonAndTemplateFormats() {
    assertEquals("{\"BlockIO\":\"4.1MB / 1.5MB\",\"CPUPerc\":\"99.89%\",\"Container\":\"busy\",\"ID\":\"6a8a2c960b9e\","
        + "\"MemPerc\":\"0.26%\",\"MemUsage\":\"172KiB / 64MiB\",\"Name\":\"busy\",\"NetIO\":\"2kB / 1.05kB\",\"PIDs\":\"3\"}\n",
        cli.run("stats", "--no-stream", "--format", "json", "busy").out());
    assertEquals("web|web|f00dfeedc0de1234f00dfeedc0de1234f00dfeedc0de1234f00dfeedc0de1234|50.00%|12\n",
        cli.run("stats", "--no-stream", "--no-trunc", "--format", "{{.Container}}|{{.Name}}|{{.ID}}|{{.CPUPerc}}|{{.PIDs}}", "web").out());
    assertEquals("NAME      CONTAINER\nbusy      busy\n",
        cli.run("stats", "--no-stream", "--format", "table {{.Name}}\\t{{.Container}}", "busy").out());
    CliHarness.Result bad = cli.run("stats", "--no-stream", "--format", "{{.Foo}}", "busy");
    assertEquals("template parsing error: template: :1:2: executing \"\" at <.Foo>: can't evaluate field Foo in type "
        + "*container.statsContext\n", bad.err());
    assertEquals(1, bad.status());
  }

  @Test
  void allListsEveryContainerByShortIdAndShowsZerosForAStoppedOne() {
    cli.json("GET /containers/json", 200, CliHarness.sample("api_containers.json"));
    cli.json("GET /containers/eaeb3a90c58b/stats", 200, STOPPED);
    cli.json("GET /containers/64d0cab7f4e7/stats", 200, V2.replace("\"/web\"", "\"/web2\""));
    CliHarness.Result r = cli.run("stats", "-a", "--no-stream", "--format", "table {{.Container}}\\t{{.Name}}\\t{{.CPUPerc}}"
        + "\\t{{.MemUsage}}\\t{{.MemPerc}}\\t{{.NetIO}}\\t{{.BlockIO}}\\t{{.PIDs}}");
    assertEquals("""
        CONTAINER      NAME      CPU %     MEM USAGE / LIMIT   MEM %     NET I/O         BLOCK I/O       PIDS
        eaeb3a90c58b   ex        0.00%     0B / 0B             0.00%     0B / 0B         0B / 0B         0
        64d0cab7f4e7   web2      50.00%    9MiB / 23.54GiB     0.04%     52.9MB / 999B   123MB / 988kB   12
        """, r.out());
    List<String> calls = cli.calls();
    assertTrue(calls.contains("GET /v1.44/events?filters=%7B%22type%22%3A%7B%22container%22%3Atrue%7D%7D"), calls.toString());
    assertTrue(calls.contains("GET /v1.44/containers/json?all=1"), calls.toString());
    assertTrue(calls.contains("GET /v1.44/containers/eaeb3a90c58b/stats?stream=0"), calls.toString());
  }

  @Test
  void withoutAllOnlyTheListedRunningContainersAndHeaderWhenNone() {
    cli.json("GET /containers/json", 200, "[]");
    assertEquals("CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT   MEM %     NET I/O   BLOCK I/O   PIDS\n",
        cli.run("stats", "--no-stream").out());
    assertTrue(cli.calls().contains("GET /v1.44/containers/json"), cli.calls().toString());
  }

  @Test
  void unknownContainersFailLikeDocker() {
    cli.json("GET /containers/x/stats", 404, "{\"message\":\"No such container: x\"}");
    cli.json("GET /containers/y/stats", 404, "{\"message\":\"No such container: y\"}");
    CliHarness.Result one = cli.run("stats", "--no-stream", "x");
    assertEquals(new CliHarness.Result(1, "", "Error response from daemon: No such container: x\n"), one);
    CliHarness.Result two = cli.run("stats", "--no-stream", "x", "busy", "y");
    assertEquals(new CliHarness.Result(1, "",
        "Error response from daemon: No such container: x\nError response from daemon: No such container: y\n"), two);
  }

  @Test
  void streamRedrawsWithDockersEscapesUntilStdoutGoesAway() {
    cli.handle("GET /containers/busy/stats", request -> request.target().endsWith("stream=1")
        ? FakeDaemon.Response.json(200, V1 + "\n" + V1).leftOpen()
        : FakeDaemon.Response.json(200, V1));
    String table = cli.run("stats", "--no-stream", "busy").out();
    cli.stdoutBreaksAfterFlushes = 1;
    CliHarness.Result r = cli.run("stats", "busy");
    assertEquals(new CliHarness.Result(141, StatsCommand.frame(table), ""), r);
    assertEquals(List.of("GET /v1.44/containers/busy/stats?stream=0", "GET /v1.44/containers/busy/stats?stream=1"), cli.calls());
  }

  @Test
  void aStreamThatStaysSilentForTwoSecondsIsAnErrorForANamedContainer() {
    cli.route("GET /containers/hang/stats", new FakeDaemon.Response(200, Map.of(), new byte[0], true).leftOpen());
    assertEquals(new CliHarness.Result(1, "", "timeout waiting for stats\n"), cli.run("stats", "hang"));
  }

  @Test
  void aSilentStreamShowsDashesWhenListingAll() {
    cli.json("GET /containers/json", 200, "[{\"Id\":\"0123456789abcdef\",\"Names\":[\"/h\"]}]");
    cli.route("GET /containers/0123456789ab/stats", new FakeDaemon.Response(200, Map.of(), new byte[0], true).leftOpen());
    cli.route("GET /events", new FakeDaemon.Response(200, Map.of("Content-Type", "application/json"), new byte[0], true).leftOpen());
    cli.stdoutBreaksAfterFlushes = 1;
    CliHarness.Result r = cli.run("stats");
    // docker 28.2.2's first frame for the same answers
    assertEquals(new CliHarness.Result(141, StatsCommand.frame("""
        CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT   MEM %     NET I/O   BLOCK I/O   PIDS
                       --        --        -- / --             --        --        --          --
        """), ""), r);
  }

  @Test
  void streamOfAllEndsWhenTheDaemonEndsTheEventStream() {
    cli.json("GET /containers/json", 200, "[]");
    cli.route("GET /events", new FakeDaemon.Response(200, Map.of("Content-Type", "application/json"), new byte[0], true));
    CliHarness.Result r = cli.run("stats");
    // docker 28 reports the event decoder's EOF.
    assertEquals(1, r.status());
    assertEquals("EOF\n", r.err());
    assertTrue(r.out().startsWith("\033[HCONTAINER ID   NAME      CPU %"), r.out());
  }

  @Test
  void frameIsDockersRedrawByteForByte() {
    String table = "A   B\n1   2\n";
    assertEquals("\033[HA   B\n1   2\n\033[HA   B \033[K\n1   2 \033[K\n \033[K\n\033[J", StatsCommand.frame(table));
  }
}
