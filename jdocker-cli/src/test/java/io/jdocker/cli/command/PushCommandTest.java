package io.jdocker.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdocker.cli.training.FakeDaemon;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PushCommandTest {
  static final String STREAM = String.join("\r\n",
      "{\"status\":\"The push refers to repository [127.0.0.1:5000/x]\"}",
      "{\"status\":\"Preparing\",\"progressDetail\":{},\"id\":\"abc\"}",
      "{\"status\":\"Pushing\",\"progressDetail\":{\"current\":512,\"total\":1024},\"progress\":\"[==>  ]\",\"id\":\"abc\"}",
      "{\"status\":\"Pushed\",\"progressDetail\":{},\"id\":\"abc\"}",
      "{\"status\":\"v1: digest: sha256:0123 size: 527\"}",
      "{\"progressDetail\":{},\"aux\":{\"Tag\":\"v1\",\"Digest\":\"sha256:0123\",\"Size\":527}}");

  @TempDir
  Path dir;

  CliHarness cli;

  @BeforeEach
  void start() throws Exception {
    cli = new CliHarness(dir);
    cli.env.put("DOCKER_CONFIG", dir.resolve("config").toString());
    cli.route("POST /images/127.0.0.1:5000/x/push", FakeDaemon.Response.json(200, STREAM).chunkedBody());
    cli.route("POST /images/docker.io/library/busybox/push", FakeDaemon.Response.json(200, STREAM).chunkedBody());
  }

  @AfterEach
  void stop() throws Exception {
    cli.close();
  }

  @Test
  void rendersTheStreamWithoutAuxAndSendsTheNameUnescaped() throws Exception {
    Files.createDirectories(dir.resolve("config"));
    Files.writeString(dir.resolve("config/config.json"), "{\"auths\":{\"127.0.0.1:5000\":{\"auth\":\"dXNlcjpwYXNz\"}}}");
    CliHarness.Result r = cli.run("push", "127.0.0.1:5000/x:v1");
    assertEquals(0, r.status());
    assertEquals("""
        The push refers to repository [127.0.0.1:5000/x]
        abc: Preparing
        abc: Pushed
        v1: digest: sha256:0123 size: 527
        """, r.out());
    FakeDaemon.Request request = cli.requests().get(1);
    assertEquals("/v1.44/images/127.0.0.1:5000/x/push?tag=v1", request.target());
    assertEquals("{\"username\":\"user\",\"password\":\"pass\",\"serveraddress\":\"127.0.0.1:5000\"}",
        new String(Base64.getUrlDecoder().decode(request.headers().get("x-registry-auth")), StandardCharsets.UTF_8));
  }

  @Test
  void docker_io_namesAreFullyQualifiedAndTheDefaultTagIsAnnounced() {
    CliHarness.Result r = cli.run("image", "push", "busybox");
    assertEquals("Using default tag: latest\nThe push refers", r.out().substring(0, "Using default tag: latest\nThe push refers".length()));
    assertEquals(List.of("POST /v1.44/images/docker.io/library/busybox/push?tag=latest"), cli.calls());
    assertEquals("e30=", cli.requests().get(1).headers().get("x-registry-auth"));
  }

  @Test
  void quietPrintsTheReferenceAndAllTagsSendsNoTag() {
    assertEquals("127.0.0.1:5000/x:latest\n", cli.run("push", "-q", "127.0.0.1:5000/x").out());
    assertEquals(0, cli.run("push", "-a", "127.0.0.1:5000/x").status());
    assertEquals(List.of("POST /v1.44/images/127.0.0.1:5000/x/push?tag=latest", "POST /v1.44/images/127.0.0.1:5000/x/push"),
        cli.calls());
  }

  @Test
  void refusalsAreDockers() {
    CliHarness.Result digest = cli.run("push", "x@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    assertEquals(1, digest.status());
    assertEquals("cannot push a digest reference\n", digest.err());
    assertEquals("tag can't be used with --all-tags/-a\n", cli.run("push", "-a", "x:1").err());
    CliHarness.Result platform = cli.run("push", "--platform", "linux/amd64", "x");
    assertEquals(1, platform.status());
    assertEquals("\"--platform\" requires API version 1.46, but the Docker daemon API version is 1.44\n", platform.err());
    cli.json("POST /images/docker.io/library/nosuch/push", 404, "{\"message\":\"No such image: nosuch:latest\"}");
    CliHarness.Result missing = cli.run("push", "nosuch");
    assertEquals(1, missing.status());
    assertEquals("Error response from daemon: No such image: nosuch:latest\n", missing.err());
  }

  @Test
  void anErrorInTheStreamEndsWithStatus1() {
    cli.route("POST /images/127.0.0.1:5000/x/push", FakeDaemon.Response.json(200,
        "{\"status\":\"Preparing\",\"progressDetail\":{},\"id\":\"abc\"}\r\n"
            + "{\"errorDetail\":{\"message\":\"unauthorized: authentication required\"},\"error\":\"unauthorized\"}").chunkedBody());
    CliHarness.Result r = cli.run("push", "127.0.0.1:5000/x:v1");
    assertEquals(1, r.status());
    assertEquals("abc: Preparing\n", r.out());
    assertEquals("unauthorized: authentication required\n", r.err());
  }
}
