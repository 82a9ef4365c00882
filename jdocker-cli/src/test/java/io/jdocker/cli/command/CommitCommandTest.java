package io.jdocker.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.cli.training.FakeDaemon;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** commit: the request the docker CLI 28 sends (captured from it), the ID it prints, its client-side checks. */
class CommitCommandTest {
  static final String ID = "sha256:" + "a".repeat(64);

  @TempDir Path dir;
  CliHarness cli;

  @BeforeEach
  void start() throws Exception {
    cli = new CliHarness(dir);
    cli.json("POST /commit", 201, "{\"Id\":\"" + ID + "\"}");
  }

  @AfterEach
  void stop() throws Exception {
    cli.close();
  }

  @Test
  void withoutAReferenceEveryParameterIsSentEmpty() {
    CliHarness.Result r = cli.run("commit", "ctr");
    assertEquals(0, r.status(), r.err());
    assertEquals(ID + "\n", r.out());
    assertEquals(List.of("POST /v1.44/commit?author=&comment=&container=ctr&repo=&tag="), cli.calls());
    FakeDaemon.Request request = cli.requests().getLast();
    assertEquals("0", request.headers().get("content-length"));
    assertEquals(null, request.headers().get("content-type"));
  }

  @Test
  void flagsAndReferenceAsTheDockerCliSendsThem() {
    // docker commit -p=false -c 'CMD ["cat","/hello"]' -c 'ENV A=1' -m "my msg" -a "Me <me@x>" ctr repo:v2
    CliHarness.Result r = cli.run("container", "commit", "-p=false", "-c", "CMD [\"cat\",\"/hello\"]", "-c", "ENV A=1",
        "-m", "my msg", "-a", "Me <me@x>", "ctr", "repo:v2");
    assertEquals(0, r.status(), r.err());
    assertEquals(List.of("POST /v1.44/commit?author=Me+%3Cme%40x%3E&changes=CMD+%5B%22cat%22%2C%22%2Fhello%22%5D"
        + "&changes=ENV+A%3D1&comment=my+msg&container=ctr&pause=0&repo=docker.io%2Flibrary%2Frepo&tag=v2"), cli.calls());
  }

  @Test
  void aBareNameGetsLatestAndARegistryNameStaysAsItIs() {
    cli.run("commit", "--pause", "ctr", "name");
    cli.run("commit", "--message=m", "ctr", "localhost:5000/team/app");
    assertEquals(List.of("POST /v1.44/commit?author=&comment=&container=ctr&repo=docker.io%2Flibrary%2Fname&tag=latest",
        "POST /v1.44/commit?author=&comment=m&container=ctr&repo=localhost%3A5000%2Fteam%2Fapp&tag=latest"), cli.calls());
  }

  @Test
  void badReferencesAreRefusedBeforeAnyRequest() {
    CliHarness.Result r = cli.run("commit", "ctr", "Bad_Repo");
    assertEquals(1, r.status());
    assertEquals("invalid reference format: repository name (library/Bad_Repo) must be lowercase\n", r.err());
    r = cli.run("commit", "ctr", "repo@sha256:" + "a".repeat(64));
    assertEquals(1, r.status());
    assertEquals("refusing to create a tag with a digest reference\n", r.err());
    assertEquals(List.of(), cli.calls());
  }

  @Test
  void daemonErrorsAndArgumentCount() {
    cli.json("POST /commit", 404, "{\"message\":\"No such container: nope\"}");
    CliHarness.Result r = cli.run("commit", "nope");
    assertEquals(1, r.status());
    assertEquals("Error response from daemon: No such container: nope\n", r.err());
    r = cli.run("commit");
    assertEquals(1, r.status());
    assertTrue(r.err().startsWith("jdocker: 'jdocker commit' requires at least 1 and at most 2 arguments\n\n"
        + "Usage:  jdocker commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]\n"), r.err());
  }

  @Test
  void helpMatchesDockers() {
    CliHarness.Result r = cli.run("commit", "--help");
    assertEquals(0, r.status());
    assertEquals("""
        Usage:  jdocker commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]

        Create a new image from a container's changes

        Aliases:
          jdocker container commit, jdocker commit

        Options:
          -a, --author string    Author (e.g., "John Hannibal Smith
                                 <hannibal@a-team.com>")
          -c, --change list      Apply Dockerfile instruction to the created image
          -m, --message string   Commit message
          -p, --pause            Pause container during commit (default true)
        """, r.out());
  }
}
