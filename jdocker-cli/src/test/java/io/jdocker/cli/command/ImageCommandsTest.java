package io.jdocker.cli.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.cli.training.FakeDaemon;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageCommandsTest {
  @TempDir
  Path dir;

  CliHarness cli;

  @BeforeEach
  void start() throws Exception {
    cli = new CliHarness(dir);
    cli.json("GET /images/json", 200, CliHarness.sample("api_images.json"));
  }

  @AfterEach
  void stop() throws Exception {
    cli.close();
  }

  @Test
  void imagesPrintsDockersTable() {
    CliHarness.Result r = cli.run("images");
    assertEquals(0, r.status());
    assertEquals("""
        REPOSITORY     TAG       IMAGE ID       CREATED          SIZE
        busybox        latest    e918bf02f6f9   10 seconds ago   1.99MB
        myrepo/thing   1.0       60febb0b6a73   10 seconds ago   1.99MB
        <none>         <none>    45fb10d460b1   10 seconds ago   1.99MB
        """, r.out());
    assertEquals(List.of("GET /v1.44/images/json"), cli.calls());
  }

  @Test
  void imagesJsonFormatMatchesDocker() {
    // Captured from docker CLI 28.2.2 at the same instant.
    String docker = "{\"Containers\":\"N/A\",\"CreatedAt\":\"2026-11-29 00:08:25 +0000 UTC\",\"CreatedSince\":\"10 seconds ago\","
        + "\"Digest\":\"\\u003cnone\\u003e\",\"ID\":\"e918bf02f6f9\",\"Repository\":\"busybox\",\"SharedSize\":\"N/A\","
        + "\"Size\":\"1.99MB\",\"Tag\":\"latest\",\"UniqueSize\":\"N/A\",\"VirtualSize\":\"1.985MB\"}";
    assertEquals(docker, cli.run("images", "--format", "{{json .}}").out().lines().findFirst().orElseThrow());
  }

  @Test
  void imagesSendsFiltersAllAndReference() {
    cli.run("image", "ls", "-a", "-f", "dangling=false", "--filter", "label=a=b", "busybox");
    assertEquals(List.of("GET /v1.44/images/json?all=1&filters=%7B%22dangling%22%3A%7B%22false%22%3Atrue%7D%2C%22label%22%3A%7B%22a%3Db%22%3Atrue%7D%2C%22reference%22%3A%7B%22busybox%22%3Atrue%7D%7D"),
        cli.calls());
  }

  @Test
  void imagesQuietDigestsAndTableTemplate() {
    assertEquals("e918bf02f6f9\n60febb0b6a73\n45fb10d460b1\n", cli.run("images", "-q").out());
    assertEquals("sha256:e918bf02f6f92fc71fdad1be62ceded3091c68f821753187c6dec8a9920af3d7\n",
        cli.run("images", "-q", "--no-trunc").out().lines().findFirst().orElseThrow() + "\n");
    assertEquals("""
        REPOSITORY     TAG       SIZE
        busybox        latest    1.99MB
        myrepo/thing   1.0       1.99MB
        <none>         <none>    1.99MB
        """, cli.run("images", "--format", "table {{.Repository}}\\t{{.Tag}}\\t{{.Size}}").out());
    assertTrue(cli.run("images", "--digests").out().startsWith("REPOSITORY     TAG       DIGEST    IMAGE ID"));
  }

  @Test
  void imagesSortsNewestFirstAndSplitsTagsAndDigests() {
    cli.json("GET /images/json", 200, """
        [{"Id":"sha256:aaaaaaaaaaaaaaaa","Created":100,"Size":5000,"RepoTags":["old:1"],"RepoDigests":[]},
         {"Id":"sha256:bbbbbbbbbbbbbbbb","Created":200,"Size":5000,"RepoTags":["reg.io/new:1","reg.io/new:2"],
          "RepoDigests":["reg.io/new@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"]}]""");
    String out = cli.run("images", "--digests", "--format", "{{.Repository}} {{.Tag}} {{.Digest}} {{.ID}}").out();
    assertEquals("""
        reg.io/new 1 sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef bbbbbbbbbbbb
        reg.io/new 2 sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef bbbbbbbbbbbb
        old 1 <none> aaaaaaaaaaaa
        """, out);
  }

  @Test
  void imagesUnknownFieldFailsLikeDocker() {
    CliHarness.Result r = cli.run("images", "--format", "{{.Nope}}");
    assertEquals(1, r.status());
    assertEquals("template parsing error: template: :1:2: executing \"\" at <.Nope>: can't evaluate field Nope in type "
        + "*formatter.imageContext\n", r.err());
  }

  @Test
  void historyHumanAndRaw() {
    cli.json("GET /images/busybox/history", 200, CliHarness.sample("api_history.json"));
    assertEquals("""
        IMAGE          CREATED          CREATED BY   SIZE      COMMENT
        e918bf02f6f9   10 seconds ago                1.99MB    Imported from -
        """, cli.run("history", "busybox").out());
    assertEquals("""
        IMAGE          CREATED AT             CREATED BY   SIZE      COMMENT
        e918bf02f6f9   2026-11-29T00:08:25Z                1985472   Imported from -
        """, cli.run("image", "history", "-H=false", "busybox").out());
    assertEquals("e918bf02f6f9\n", cli.run("history", "-q", "busybox").out());
  }

  @Test
  void historyTruncatesCreatedByWithEllipsis() {
    cli.json("GET /images/x/history", 200,
        "[{\"Id\":\"<missing>\",\"Created\":1795910905,\"CreatedBy\":\"/bin/sh -c #(nop)\\tCMD [\\\"sh\\\"] and a lot more text here\",\"Size\":0,\"Comment\":\"\"}]");
    assertEquals("<missing> /bin/sh -c #(nop) CMD [\"sh\"] and a lot mor...\n",
        cli.run("history", "--format", "{{.ID}} {{.CreatedBy}}", "x").out());
  }

  @Test
  void tagSendsRepoAndTag() {
    cli.route("POST /images/busybox:latest/tag", new FakeDaemon.Response(201, Map.of(), new byte[0], false));
    cli.route("POST /images/busybox/tag", new FakeDaemon.Response(201, Map.of(), new byte[0], false));
    assertEquals(0, cli.run("tag", "busybox:latest", "127.0.0.1:5000/trace/busybox:v1").status());
    assertEquals(0, cli.run("image", "tag", "busybox", "docker.io/library/other").status());
    assertEquals(List.of("POST /v1.44/images/busybox:latest/tag?repo=127.0.0.1%3A5000%2Ftrace%2Fbusybox&tag=v1",
        "POST /v1.44/images/busybox/tag?repo=other&tag=latest"), cli.calls());
  }

  @Test
  void tagRejectsBadReferencesAndArgumentCounts() {
    CliHarness.Result r = cli.run("tag", "busybox", "Bad:x");
    assertEquals(1, r.status());
    assertEquals("Error parsing reference: \"Bad:x\" is not a valid repository/tag: invalid reference format: "
        + "repository name (library/Bad) must be lowercase\n", r.err());
    r = cli.run("tag");
    assertEquals(1, r.status());
    assertEquals("jdocker: 'jdocker tag' requires 2 arguments\n\nUsage:  jdocker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]\n\n"
        + "Run 'jdocker tag --help' for more information\n", r.err());
  }

  @Test
  void rmiReportsEachResultAndContinuesAfterErrors() {
    cli.json("DELETE /images/busybox", 200, "[{\"Untagged\":\"busybox:latest\"},{\"Deleted\":\"sha256:e918\"}]");
    cli.json("DELETE /images/nope", 404, "{\"message\":\"No such image: nope:latest\"}");
    CliHarness.Result r = cli.run("rmi", "-f", "--no-prune", "nope", "busybox");
    assertEquals(1, r.status());
    assertEquals("Untagged: busybox:latest\nDeleted: sha256:e918\n", r.out());
    assertEquals("Error response from daemon: No such image: nope:latest\n", r.err());
    assertEquals(List.of("DELETE /v1.44/images/nope?force=1&noprune=1", "DELETE /v1.44/images/busybox?force=1&noprune=1"),
        cli.calls());
  }

  @Test
  void inspectFallsBackThroughObjectKindsOn404() {
    cli.json("GET /containers/busybox/json", 404, "{\"message\":\"No such container: busybox\"}");
    cli.json("GET /images/busybox/json", 200, "{\"Id\":\"sha256:e9\",\"RepoTags\":[\"busybox:latest\"],\"Size\":1985472}");
    CliHarness.Result r = cli.run("inspect", "busybox");
    assertEquals(0, r.status());
    assertEquals("""
        [
            {
                "Id": "sha256:e9",
                "RepoTags": [
                    "busybox:latest"
                ],
                "Size": 1985472
            }
        ]
        """, r.out());
    assertEquals(List.of("GET /v1.44/containers/busybox/json", "GET /v1.44/images/busybox/json"), cli.calls());
  }

  @Test
  void inspectNothingFound() {
    CliHarness.Result r = cli.run("inspect", "nope");
    assertEquals(1, r.status());
    assertEquals("[]\n", r.out());
    assertEquals("Error: No such object: nope\n", r.err());
    assertEquals(List.of("GET /v1.44/containers/nope/json", "GET /v1.44/images/nope/json", "GET /v1.44/networks/nope",
        "GET /v1.44/volumes/nope", "GET /v1.44/plugins/nope/json"), cli.calls());
  }

  @Test
  void inspectFormatUsesMissingKeyError() {
    cli.json("GET /images/busybox/json", 200, "{\"Id\":\"sha256:e9\",\"Size\":1985472}");
    assertEquals("sha256:e9 1985472\n", cli.run("image", "inspect", "-f", "{{.Id}} {{.Size}}", "busybox").out());
    CliHarness.Result r = cli.run("inspect", "--type", "image", "-f", "{{.Nope}}", "busybox");
    assertEquals(1, r.status());
    assertEquals("template parsing error: template: :1:2: executing \"\" at <.Nope>: map has no entry for key \"Nope\"\n", r.err());
    assertEquals(1, cli.run("inspect", "--type", "foo", "busybox").status());
  }

  @Test
  void saveRefusesTerminalAndWritesFile() throws Exception {
    cli.route("GET /images/get", new FakeDaemon.Response(200, Map.of("Content-Type", "application/x-tar"),
        "tar-bytes".getBytes(StandardCharsets.UTF_8), false).chunkedBody());
    cli.stdoutIsTerminal = true;
    CliHarness.Result r = cli.run("save", "busybox");
    assertEquals(1, r.status());
    assertEquals("cowardly refusing to save to a terminal. Use the -o flag or redirect\n", r.err());
    Path file = dir.resolve("out.tar");
    assertEquals(0, cli.run("image", "save", "-o", file.toString(), "busybox", "other:1").status());
    assertEquals("tar-bytes", Files.readString(file));
    assertEquals(List.of("GET /v1.44/images/get?names=busybox&names=other%3A1"), cli.calls());
    cli.stdoutIsTerminal = false;
    assertEquals("tar-bytes", cli.run("save", "busybox").out());
  }

  @Test
  void loadStreamsTheArchiveAndPrintsLoadedLines() throws Exception {
    cli.route("POST /images/load", FakeDaemon.Response.json(200, "{\"stream\":\"Loaded image: busybox:latest\\n\"}").chunkedBody());
    Path tar = dir.resolve("in.tar");
    Files.write(tar, new byte[] {1, 2, 3, 4});
    CliHarness.Result r = cli.run("load", "-i", tar.toString());
    assertEquals(0, r.status());
    assertEquals("Loaded image: busybox:latest\n", r.out());
    FakeDaemon.Request request = cli.requests().get(1);
    assertEquals("/v1.44/images/load?quiet=1", request.target());
    assertEquals("application/x-tar", request.headers().get("content-type"));
    assertArrayEquals(new byte[] {1, 2, 3, 4}, request.body());
  }

  @Test
  void loadDropsProgressUpdatesWithoutATerminal() {
    cli.route("POST /images/load", FakeDaemon.Response.json(200,
        "{\"status\":\"Loading layer\",\"progressDetail\":{\"current\":1,\"total\":2},\"progress\":\"[=>  ]\",\"id\":\"6afc\"}\r\n"
            + "{\"stream\":\"Loaded image: busybox:latest\\n\"}"));
    cli.stdin = new byte[] {9};
    assertEquals("Loaded image: busybox:latest\n", cli.run("load").out());
  }

  @Test
  void loadFailsOnAnErrorInTheStream() {
    cli.route("POST /images/load", FakeDaemon.Response.json(200,
        "{\"errorDetail\":{\"message\":\"open /x/repositories: no such file or directory\"},\"error\":\"open /x\"}"));
    cli.stdin = new byte[] {9};
    CliHarness.Result r = cli.run("image", "load");
    assertEquals(1, r.status());
    assertEquals("open /x/repositories: no such file or directory\n", r.err());
    cli.stdinIsTerminal = true;
    assertEquals("requested load from stdin, but stdin is empty\n", cli.run("load").err());
  }

  @Test
  void importStreamsStdinWithChangesAndMessage() {
    cli.route("POST /images/create", FakeDaemon.Response.json(200, "{\"status\":\"sha256:abc\"}"));
    cli.stdin = "tar".getBytes(StandardCharsets.UTF_8);
    CliHarness.Result r = cli.run("import", "-c", "CMD [\"/bin/sh\"]", "-c", "ENV A=1", "-m", "msg", "-", "name:v1");
    assertEquals(0, r.status());
    assertEquals("sha256:abc\n", r.out());
    FakeDaemon.Request request = cli.requests().get(1);
    assertEquals("/v1.44/images/create?changes=CMD+%5B%22%2Fbin%2Fsh%22%5D&changes=ENV+A%3D1&fromSrc=-&message=msg&repo=name%3Av1",
        request.target());
    assertEquals("tar", new String(request.body(), StandardCharsets.UTF_8));
  }

  @Test
  void importFromUrlSendsNoBody() {
    cli.route("POST /images/create", FakeDaemon.Response.json(200, "{\"status\":\"sha256:abc\"}"));
    assertEquals(0, cli.run("image", "import", "http://example.invalid/x.tar").status());
    assertEquals(List.of("POST /v1.44/images/create?fromSrc=http%3A%2F%2Fexample.invalid%2Fx.tar"), cli.calls());
  }
}
