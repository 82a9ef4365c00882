package io.jdocker.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.cli.training.FakeDaemon;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerRunTest {
  static final String ID = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  @TempDir
  Path dir;

  CliHarness cli;

  @BeforeEach
  void start() throws Exception {
    cli = new CliHarness(dir);
    cli.json("POST /containers/create", 201, "{\"Id\":\"" + ID + "\",\"Warnings\":[]}");
    cli.route("POST /containers/" + ID + "/attach", hijack(frame(1, "out\n"), frame(2, "err\n"), frame(1, "more\n")));
    cli.json("POST /containers/" + ID + "/wait", 200, "{\"Error\":null,\"StatusCode\":3}");
    cli.route("POST /containers/" + ID + "/start", new FakeDaemon.Response(204, Map.of(), new byte[0], false));
  }

  @AfterEach
  void stop() throws Exception {
    cli.close();
  }

  static FakeDaemon.Response hijack(byte[]... frames) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] f : frames) {
      body.writeBytes(f);
    }
    return new FakeDaemon.Response(101, Map.of("Connection", "Upgrade", "Upgrade", "tcp",
        "Content-Type", "application/vnd.docker.multiplexed-stream"), body.toByteArray(), false);
  }

  static byte[] frame(int type, String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    byte[] f = new byte[8 + payload.length];
    f[0] = (byte) type;
    f[4] = (byte) (payload.length >>> 24);
    f[5] = (byte) (payload.length >>> 16);
    f[6] = (byte) (payload.length >>> 8);
    f[7] = (byte) payload.length;
    System.arraycopy(payload, 0, f, 8, payload.length);
    return f;
  }

  @Test
  void runAttachesWaitsThenStartsAndExitsWithTheContainersCode() {
    CliHarness.Result r = cli.run("run", "busybox", "sh", "-c", "echo out; echo err >&2; exit 3");
    assertEquals(List.of("POST /v1.44/containers/create",
        "POST /v1.44/containers/" + ID + "/attach?stderr=1&stdout=1&stream=1",
        "POST /v1.44/containers/" + ID + "/wait?condition=next-exit",
        "POST /v1.44/containers/" + ID + "/start"), cli.calls());
    assertEquals("out\nmore\n", r.out());
    assertEquals("err\n", r.err());
    assertEquals(3, r.status());
    FakeDaemon.Request attach = cli.requests().stream().filter(q -> q.target().contains("/attach")).findFirst().orElseThrow();
    assertEquals("Upgrade", attach.headers().get("connection"));
    assertEquals("tcp", attach.headers().get("upgrade"));
  }

  @Test
  void runWithRmWaitsForRemovalAndDetachedPrintsTheId() {
    cli.run("run", "--rm", "busybox", "true");
    assertTrue(cli.calls().contains("POST /v1.44/containers/" + ID + "/wait?condition=removed"));
    CliHarness.Result detached = cli.run("run", "-d", "busybox", "true");
    assertEquals(ID + "\n", detached.out());
    assertEquals(0, detached.status());
    List<String> calls = cli.calls();
    assertEquals(List.of("POST /v1.44/containers/create", "POST /v1.44/containers/" + ID + "/wait?condition=next-exit",
        "POST /v1.44/containers/" + ID + "/start"), calls.subList(calls.size() - 3, calls.size()));
  }

  @Test
  void runWithStdinSendsItAndAsksForStdin() {
    cli.stdin = "line1\n".getBytes(StandardCharsets.UTF_8);
    CliHarness.Result r = cli.run("run", "-i", "busybox", "cat");
    assertTrue(cli.calls().contains("POST /v1.44/containers/" + ID + "/attach?stderr=1&stdin=1&stdout=1&stream=1"), cli.calls().toString());
    assertEquals(3, r.status());
  }

  @Test
  void runPullsAMissingImageThenCreatesAgain() {
    AtomicInteger creates = new AtomicInteger();
    cli.handle("POST /containers/create", q -> creates.getAndIncrement() == 0
        ? FakeDaemon.Response.json(404, "{\"message\":\"No such image: busybox:latest\"}")
        : FakeDaemon.Response.json(201, "{\"Id\":\"" + ID + "\",\"Warnings\":[]}"));
    cli.route("POST /images/create", FakeDaemon.Response.json(200,
        "{\"status\":\"Pulling from library/busybox\",\"id\":\"latest\"}\r\n{\"status\":\"Status: Downloaded newer image for busybox:latest\"}").chunkedBody());
    CliHarness.Result r = cli.run("run", "busybox");
    assertEquals(List.of("POST /v1.44/containers/create",
        "POST /v1.44/images/create?fromImage=docker.io%2Flibrary%2Fbusybox&tag=latest",
        "POST /v1.44/containers/create"), cli.calls().subList(0, 3));
    assertTrue(r.err().startsWith("Unable to find image 'busybox:latest' locally\nlatest: Pulling from library/busybox\n"), r.err());
    assertEquals(3, r.status());
  }

  @Test
  void autoPullSendsStoredCredentialsAndQuietHidesItsOutput() throws Exception {
    Path config = dir.resolve("docker-config");
    Files.createDirectories(config);
    Files.writeString(config.resolve("config.json"), "{\"auths\":{\"127.0.0.1:5000\":{\"auth\":\"dXNlcjpwYXNz\"}}}");
    cli.env.put("DOCKER_CONFIG", config.toString());
    AtomicInteger creates = new AtomicInteger();
    cli.handle("POST /containers/create", q -> creates.getAndIncrement() == 0
        ? FakeDaemon.Response.json(404, "{\"message\":\"No such image: 127.0.0.1:5000/x:v1\"}")
        : FakeDaemon.Response.json(201, "{\"Id\":\"" + ID + "\",\"Warnings\":[]}"));
    cli.route("POST /images/create", FakeDaemon.Response.json(200, "{\"status\":\"Pulling from x\",\"id\":\"v1\"}").chunkedBody());
    CliHarness.Result r = cli.run("create", "-q", "127.0.0.1:5000/x:v1");
    assertEquals(ID + "\n", r.out());
    assertEquals("", r.err());
    FakeDaemon.Request pull = cli.requests().get(2);
    assertEquals("/v1.44/images/create?fromImage=127.0.0.1%3A5000%2Fx&tag=v1", pull.target());
    assertEquals("eyJ1c2VybmFtZSI6InVzZXIiLCJwYXNzd29yZCI6InBhc3MiLCJzZXJ2ZXJhZGRyZXNzIjoiMTI3LjAuMC4xOjUwMDAifQ==",
        pull.headers().get("x-registry-auth"));
  }

  @Test
  void pullAlwaysPullsFirstAndNeverDoesNotPull() {
    cli.route("POST /images/create", FakeDaemon.Response.json(200, "{\"status\":\"ok\"}").chunkedBody());
    CliHarness.Result always = cli.run("create", "--pull", "always", "--platform", "linux/amd64", "busybox");
    assertEquals("ok\n", always.err());
    assertEquals(List.of("POST /v1.44/images/create?fromImage=docker.io%2Flibrary%2Fbusybox&platform=linux%2Famd64&tag=latest",
        "POST /v1.44/containers/create?platform=linux%2Famd64"), cli.calls());
    cli.json("POST /containers/create", 404, "{\"message\":\"No such image: busybox:latest\"}");
    CliHarness.Result never = cli.run("create", "--pull", "never", "busybox");
    assertEquals(1, never.status());
    assertEquals("Error response from daemon: No such image: busybox:latest\n", never.err());
  }

  @Test
  void anErrorInThePullStreamIs125ForRunAnd1ForCreate() {
    cli.json("POST /containers/create", 404, "{\"message\":\"No such image: busybox:latest\"}");
    cli.route("POST /images/create", FakeDaemon.Response.json(200, "{\"status\":\"Pulling from library/busybox\",\"id\":\"latest\"}\r\n"
        + "{\"errorDetail\":{\"message\":\"unexpected EOF\"},\"error\":\"unexpected EOF\"}").chunkedBody());
    CliHarness.Result run = cli.run("run", "busybox");
    assertEquals(125, run.status());
    assertEquals("Unable to find image 'busybox:latest' locally\nlatest: Pulling from library/busybox\njdocker: unexpected EOF\n\n"
        + "Run 'jdocker run --help' for more information\n", run.err());
    CliHarness.Result create = cli.run("create", "busybox");
    assertEquals(1, create.status());
    assertEquals("Unable to find image 'busybox:latest' locally\nlatest: Pulling from library/busybox\nunexpected EOF\n", create.err());
  }

  @Test
  void pullFailureIsReportedLikeDockerWithStatus125() {
    cli.json("POST /containers/create", 404, "{\"message\":\"No such image: nosuch:v1\"}");
    cli.json("POST /images/create", 500, "{\"message\":\"Get \\\"https://registry-1.docker.io/v2/\\\": no such host\"}");
    CliHarness.Result r = cli.run("run", "nosuch:v1");
    assertEquals(125, r.status());
    assertEquals("Unable to find image 'nosuch:v1' locally\njdocker: Error response from daemon: Get \"https://registry-1.docker.io/v2/\": "
        + "no such host\n\nRun 'jdocker run --help' for more information\n", r.err());
  }

  @Test
  void createConflictIs125AndStartFailuresMapTo127And126() {
    cli.json("POST /containers/create", 409, "{\"message\":\"Conflict. The container name \\\"/x1\\\" is already in use\"}");
    CliHarness.Result conflict = cli.run("run", "--name", "x1", "busybox");
    assertEquals(125, conflict.status());
    assertEquals("jdocker: Error response from daemon: Conflict. The container name \"/x1\" is already in use\n\n"
        + "Run 'jdocker run --help' for more information\n", conflict.err());
    cli.json("POST /containers/create", 201, "{\"Id\":\"" + ID + "\",\"Warnings\":[]}");
    cli.json("POST /containers/" + ID + "/start", 400, "{\"message\":\"exec: \\\"nonexist\\\": executable file not found in $PATH\"}");
    assertEquals(127, cli.run("run", "busybox", "nonexist").status());
    cli.json("POST /containers/" + ID + "/start", 400, "{\"message\":\"exec: \\\"/etc\\\": permission denied\"}");
    assertEquals(126, cli.run("run", "busybox", "/etc").status());
  }

  @Test
  void badFlagValuesAndMissingImageAreUsageErrors() {
    CliHarness.Result size = cli.run("run", "-m", "12x", "busybox");
    assertEquals(125, size.status());
    assertEquals("invalid argument \"12x\" for \"-m, --memory\" flag: invalid suffix: 'x'\n\n"
        + "Usage:  jdocker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'jdocker run --help' for more information\n", size.err());
    CliHarness.Result none = cli.run("run");
    assertEquals(1, none.status());
    assertEquals("jdocker: 'jdocker run' requires at least 1 argument\n\nUsage:  jdocker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\n"
        + "See 'jdocker run --help' for more information\n", none.err());
    assertEquals(List.of(), cli.calls());
  }

  @Test
  void argumentsAfterTheImageBelongToTheContainer() {
    cli.run("create", "busybox", "ls", "-l", "--rm");
    String body = new String(cli.requests().getLast().body(), StandardCharsets.UTF_8);
    assertTrue(body.contains("\"Cmd\":[\"ls\",\"-l\",\"--rm\"]"), body);
    assertTrue(body.contains("\"AutoRemove\":false"), body);
  }

  @Test
  void createBodiesAreByteForByteWhatDockerSends() {
    // Captured from docker CLI 28.2.2 (CLIENT-TRACE §5.3 flags plus -e, -v, --cpus, --network none).
    cli.run("create", "--name", "trace-many", "--init", "--restart", "on-failure:3", "-u", "1000:1000", "-w", "/tmp",
        "--entrypoint", "/bin/sh", "--label", "a=b", "--hostname", "h1", "--add-host", "foo:10.1.2.3", "--dns", "9.9.9.9",
        "--mount", "type=volume,src=v,dst=/data", "--tmpfs", "/run:size=1m", "--read-only", "--cap-add", "NET_ADMIN",
        "--cap-drop", "MKNOD", "-P", "--expose", "9000", "-p", "127.0.0.1:18081:81/udp", "--ulimit", "nofile=1024:2048",
        "--pids-limit", "50", "--memory-swap", "128m", "-m", "64m", "--cpu-shares", "512", "--cpuset-cpus", "0",
        "--stop-signal", "SIGUSR1", "--stop-timeout", "5", "--log-opt", "max-size=1m", "--platform", "linux/amd64",
        "-e", "A=1", "-v", "/tmp:/h:ro", "--cpus", "0.5", "--network", "none", "busybox", "-c", "sleep 1");
    FakeDaemon.Request many = cli.requests().getLast();
    assertEquals("/v1.44/containers/create?name=trace-many&platform=linux%2Famd64", many.target());
    assertEquals(CliHarness.sample("docker_create_many_flags.json"), new String(many.body(), StandardCharsets.UTF_8).strip());
    cli.run("create", "busybox", "true");
    assertEquals(CliHarness.sample("docker_create_default.json"),
        new String(cli.requests().getLast().body(), StandardCharsets.UTF_8).strip());
  }
}
