package io.jdocker.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdocker.cli.training.FakeDaemon;
import io.jdocker.cli.tty.WindowSize;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expected outputs were captured from docker CLI 28.2.2 given the same streams. */
class PullCommandTest {
  static final String STREAM = String.join("\r\n",
      "{\"status\":\"Pulling from library/busybox\",\"id\":\"latest\"}",
      "{\"status\":\"Pulling fs layer\",\"progressDetail\":{},\"id\":\"a1\"}",
      "{\"status\":\"Pulling fs layer\",\"progressDetail\":{},\"id\":\"b2\"}",
      "{\"status\":\"Downloading\",\"progressDetail\":{\"current\":3678,\"total\":300353},\"progress\":\"[>  ]\",\"id\":\"a1\"}",
      "{\"status\":\"Pull complete\",\"progressDetail\":{},\"id\":\"a1\"}",
      "{\"status\":\"Already exists\",\"progressDetail\":{},\"id\":\"b2\"}",
      "{\"status\":\"Digest: sha256:abc\"}",
      "{\"status\":\"Status: Downloaded newer image for busybox:latest\"}");

  @TempDir
  Path dir;

  CliHarness cli;

  @BeforeEach
  void start() throws Exception {
    cli = new CliHarness(dir);
    cli.env.put("DOCKER_CONFIG", dir.resolve("config").toString());
    cli.route("POST /images/create", FakeDaemon.Response.json(200, STREAM).chunkedBody());
  }

  @AfterEach
  void stop() throws Exception {
    cli.close();
  }

  @Test
  void withoutATerminalProgressUpdatesAreDroppedAndTheReferenceComesLast() {
    CliHarness.Result r = cli.run("pull", "busybox");
    assertEquals(0, r.status());
    assertEquals("""
        Using default tag: latest
        latest: Pulling from library/busybox
        a1: Pulling fs layer
        b2: Pulling fs layer
        a1: Pull complete
        b2: Already exists
        Digest: sha256:abc
        Status: Downloaded newer image for busybox:latest
        docker.io/library/busybox:latest
        """, r.out());
    FakeDaemon.Request request = cli.requests().get(1);
    assertEquals("/v1.44/images/create?fromImage=docker.io%2Flibrary%2Fbusybox&tag=latest", request.target());
    assertEquals("e30=", request.headers().get("x-registry-auth"));
    assertEquals("0", request.headers().get("content-length"));
  }

  @Test
  void onATerminalEachLayerLineIsRewrittenInPlace() {
    cli.stdoutIsTerminal = true;
    cli.terminal = new FakeTerminal(new WindowSize(40, 120));
    CliHarness.Result r = cli.run("pull", "busybox");
    assertEquals("Using default tag: latest\nlatest: Pulling from library/busybox\n"
        + "\n\033[1A\033[2K\ra1: Pulling fs layer \r\033[1B"
        + "\n\033[1A\033[2K\rb2: Pulling fs layer \r\033[1B"
        + "\033[2A\033[2K\ra1: Downloading [>                                                  ]  3.678kB/300.4kB\r\033[2B"
        + "\033[2A\033[2K\ra1: Pull complete \r\033[2B"
        + "\033[1A\033[2K\rb2: Already exists \r\033[1B"
        + "Digest: sha256:abc\nStatus: Downloaded newer image for busybox:latest\ndocker.io/library/busybox:latest\n", r.out());
  }

  @Test
  void narrowTerminalsGetNoBar() {
    cli.stdoutIsTerminal = true;
    cli.terminal = new FakeTerminal(new WindowSize(40, 80));
    String out = cli.run("pull", "busybox").out();
    assertEquals(true, out.contains("\ra1: Downloading  3.678kB/300.4kB\r"), out);
  }

  @Test
  void quietPrintsOnlyTheReference() {
    CliHarness.Result r = cli.run("pull", "-q", "127.0.0.1:5000/x/y:v1");
    assertEquals("127.0.0.1:5000/x/y:v1\n", r.out());
    assertEquals("/v1.44/images/create?fromImage=127.0.0.1%3A5000%2Fx%2Fy&tag=v1", cli.requests().get(1).target());
  }

  @Test
  void allTagsSendsNoTagAndPlatformIsLowerCased() {
    assertEquals("docker.io/library/busybox\n", cli.run("image", "pull", "-q", "-a", "--platform", "Linux/ARM64", "busybox").out());
    assertEquals(List.of("POST /v1.44/images/create?fromImage=docker.io%2Flibrary%2Fbusybox&platform=linux%2Farm64"),
        cli.calls());
  }

  @Test
  void aDigestIsSentAsTheTag() {
    String digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    assertEquals("docker.io/library/busybox:1@" + digest + "\n", cli.run("pull", "-q", "busybox:1@" + digest).out());
    assertEquals("/v1.44/images/create?fromImage=docker.io%2Flibrary%2Fbusybox&tag=sha256%3A" + digest.substring(7),
        cli.requests().get(1).target());
  }

  @Test
  void anErrorInTheStreamEndsWithStatus1() {
    cli.route("POST /images/create", FakeDaemon.Response.json(200, "{\"status\":\"Pulling from library/x\",\"id\":\"1\"}\r\n"
        + "{\"errorDetail\":{\"message\":\"unexpected EOF\"},\"error\":\"unexpected EOF\"}\r\n{\"status\":\"never shown\"}").chunkedBody());
    CliHarness.Result r = cli.run("pull", "x:1");
    assertEquals(1, r.status());
    assertEquals("1: Pulling from library/x\n", r.out());
    assertEquals("unexpected EOF\n", r.err());
  }

  @Test
  void aRefusalBeforeTheStreamIsTheDaemonsError() {
    cli.json("POST /images/create", 404, "{\"message\":\"manifest for x:nope not found: manifest unknown: manifest unknown\"}");
    CliHarness.Result r = cli.run("pull", "-q", "x:nope");
    assertEquals(1, r.status());
    assertEquals("Error response from daemon: manifest for x:nope not found: manifest unknown: manifest unknown\n", r.err());
    assertEquals("", r.out());
  }

  @Test
  void storedCredentialsOfTheImagesRegistryGoInTheHeader() throws Exception {
    Files.createDirectories(dir.resolve("config"));
    Files.writeString(dir.resolve("config/config.json"), """
        {"auths":{"127.0.0.1:5000":{"auth":"dXNlcjpwYXNz","email":"e@x"},
        "https://index.docker.io/v1/":{"auth":"aHViOnNlY3JldA=="},"http://legacy.io":{"auth":"dXNlcjpwYXNz"}}}""");
    cli.run("pull", "-q", "127.0.0.1:5000/x");
    cli.run("pull", "-q", "busybox");
    cli.run("pull", "-q", "legacy.io/y");
    cli.run("pull", "-q", "other.io/z");
    List<String> sent = cli.requests().stream().filter(q -> q.target().contains("/images/create"))
        .map(q -> new String(Base64.getUrlDecoder().decode(q.headers().get("x-registry-auth")), StandardCharsets.UTF_8)).toList();
    assertEquals(List.of(
        "{\"username\":\"user\",\"password\":\"pass\",\"email\":\"e@x\",\"serveraddress\":\"127.0.0.1:5000\"}",
        "{\"username\":\"hub\",\"password\":\"secret\",\"serveraddress\":\"https://index.docker.io/v1/\"}",
        "{\"username\":\"user\",\"password\":\"pass\",\"serveraddress\":\"http://legacy.io\"}",
        "{}"), sent);
    // URL-safe alphabet with padding, as Go's base64.URLEncoding.
    assertEquals("eyJ1c2VybmFtZSI6InVzZXIiLCJwYXNzd29yZCI6InBhc3MiLCJlbWFpbCI6ImVAeCIsInNlcnZlcmFkZHJlc3MiOiIxMjcuMC4wLjE6NTAwMCJ9",
        cli.requests().get(1).headers().get("x-registry-auth"));
  }

  @Test
  void usageErrorsAreDockers() {
    CliHarness.Result none = cli.run("pull");
    assertEquals(1, none.status());
    assertEquals("jdocker: 'jdocker pull' requires 1 argument\n\nUsage:  jdocker pull [OPTIONS] NAME[:TAG|@DIGEST]\n\n"
        + "Run 'jdocker pull --help' for more information\n", none.err());
    CliHarness.Result tagged = cli.run("pull", "-a", "busybox:1");
    assertEquals(1, tagged.status());
    assertEquals("tag can't be used with --all-tags/-a\n", tagged.err());
    assertEquals("invalid reference format: repository name (library/Busybox) must be lowercase\n", cli.run("pull", "Busybox").err());
    assertEquals(List.of(), cli.calls());
  }
}
