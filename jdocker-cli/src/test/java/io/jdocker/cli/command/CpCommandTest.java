package io.jdocker.cli.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.cli.archive.TarEntry;
import io.jdocker.cli.archive.TarInput;
import io.jdocker.cli.archive.TarOutput;
import io.jdocker.cli.training.FakeDaemon;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cp} both ways: the HEAD/PUT/GET sequences, the renamed tar entries and local extraction. */
class CpCommandTest {
  static final long DIR_MODE = 2147484141L;

  @TempDir
  Path dir;

  CliHarness cli;
  Path local;

  @BeforeEach
  void start() throws Exception {
    cli = new CliHarness(dir);
    local = Files.createDirectories(dir.resolve("host"));
    Files.writeString(local.resolve("f.txt"), "hello\n");
    Files.createDirectories(local.resolve("d1/sub"));
    Files.writeString(local.resolve("d1/a.txt"), "a\n");
    Files.writeString(local.resolve("d1/sub/b.txt"), "b\n");
    cli.route("HEAD /containers/c1/archive", new FakeDaemon.Response(404, Map.of("Content-Type", "application/json"), new byte[0], false));
    cli.route("PUT /containers/c1/archive", new FakeDaemon.Response(200, Map.of(), new byte[0], false));
  }

  @AfterEach
  void stop() throws Exception {
    cli.close();
  }

  static FakeDaemon.Response stat(int status, String name, long mode, byte[] body) {
    String json = "{\"name\":\"" + name + "\",\"size\":4096,\"mode\":" + mode + ",\"mtime\":\"2026-11-28T22:34:12Z\",\"linkTarget\":\"\"}";
    return new FakeDaemon.Response(status, Map.of("Content-Type", "application/x-tar",
        "X-Docker-Container-Path-Stat", Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8))), body, false);
  }

  static byte[] tar(Object... nameAndContent) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarOutput tar = new TarOutput(out)) {
      for (int i = 0; i < nameAndContent.length; i += 2) {
        String name = (String) nameAndContent[i];
        Object content = nameAndContent[i + 1];
        if (name.endsWith("/")) {
          tar.write(new TarEntry(name, 0755, 0, 0, 0, 1700000000, TarEntry.DIRECTORY, ""), null);
        } else if (content instanceof String s && s.startsWith("->")) {
          tar.write(new TarEntry(name, 0777, 0, 0, 0, 1700000000, TarEntry.SYMLINK, s.substring(2)), null);
        } else {
          byte[] bytes = ((String) content).getBytes(StandardCharsets.UTF_8);
          tar.write(new TarEntry(name, 0644, 0, 0, bytes.length, 1700000000, TarEntry.FILE, ""), new ByteArrayInputStream(bytes));
        }
      }
    }
    return out.toByteArray();
  }

  /** The uploaded archive as "name" or "name=content" lines. */
  private Map<String, String> uploaded() throws IOException {
    FakeDaemon.Request put = cli.requests().stream().filter(r -> r.method().equals("PUT")).reduce((a, b) -> b).orElseThrow();
    TarInput in = new TarInput(new ByteArrayInputStream(put.body()));
    Map<String, String> entries = new LinkedHashMap<>();
    for (TarEntry e = in.next(); e != null; e = in.next()) {
      entries.put(e.name(), new String(in.content().readAllBytes(), StandardCharsets.UTF_8));
    }
    return entries;
  }

  @Test
  void aFileToAMissingTargetIsUploadedToItsParentUnderTheTargetsName() throws IOException {
    CliHarness.Result r = cli.run("cp", local.resolve("f.txt").toString(), "c1:/tmp/g.txt");
    assertEquals(0, r.status(), r.err());
    assertEquals(List.of("HEAD /v1.44/containers/c1/archive?path=%2Ftmp%2Fg.txt",
        "PUT /v1.44/containers/c1/archive?noOverwriteDirNonDir=true&path=%2Ftmp"), cli.calls());
    assertEquals(Map.of("g.txt", "hello\n"), uploaded());
    assertEquals("", r.err());
  }

  @Test
  void aDirectoryIntoAnExistingDirectoryKeepsItsNameAndIntoANewNameIsRenamed() throws IOException {
    cli.route("HEAD /containers/c1/archive", stat(200, "tmp", DIR_MODE, new byte[0]));
    cli.run("cp", "-a", local.resolve("d1").toString(), "c1:/tmp/");
    assertEquals("PUT /v1.44/containers/c1/archive?copyUIDGID=true&noOverwriteDirNonDir=true&path=%2Ftmp%2F", cli.calls().getLast());
    assertEquals(List.of("d1/", "d1/a.txt", "d1/sub/", "d1/sub/b.txt"), new ArrayList<>(uploaded().keySet()));
    cli.route("HEAD /containers/c1/archive", new FakeDaemon.Response(404, Map.of(), new byte[0], false));
    cli.run("cp", local.resolve("d1").toString(), "c1:/tmp/newd");
    assertEquals(List.of("newd/", "newd/a.txt", "newd/sub/", "newd/sub/b.txt"), new ArrayList<>(uploaded().keySet()));
    cli.run("cp", local.resolve("d1") + "/.", "c1:/tmp/contents");
    assertEquals(List.of("contents/", "contents/a.txt", "contents/sub/", "contents/sub/b.txt"), new ArrayList<>(uploaded().keySet()));
  }

  @Test
  void aTarOnStdinGoesAsIsAndNeedsADirectory() throws IOException {
    byte[] archive = tar("x.txt", "x\n");
    cli.stdin = archive;
    CliHarness.Result refused = cli.run("cp", "-", "c1:/tmp/x");
    assertEquals("destination \"c1:/tmp/x\" must be a directory\n", refused.err());
    assertEquals(1, refused.status());
    cli.route("HEAD /containers/c1/archive", stat(200, "tmp", DIR_MODE, new byte[0]));
    CliHarness.Result r = cli.run("cp", "-", "c1:/tmp");
    assertEquals(0, r.status(), r.err());
    assertEquals("PUT /v1.44/containers/c1/archive?noOverwriteDirNonDir=true&path=%2Ftmp", cli.calls().getLast());
    assertArrayEquals(archive, cli.requests().getLast().body());
  }

  @Test
  void progressGoesToStderrOnlyWhenStdoutIsATerminal() {
    cli.stdoutIsTerminal = true;
    CliHarness.Result r = cli.run("cp", local.resolve("f.txt").toString(), "c1:/tmp/g.txt");
    assertEquals("Successfully copied 2.05kB to c1:/tmp/g.txt\n", r.err());
    assertEquals("", cli.run("cp", "-q", local.resolve("f.txt").toString(), "c1:/tmp/g.txt").err());
  }

  @Test
  void missingPathsAndBadArgumentsGetDockersMessages() {
    CliHarness.Result missing = cli.run("cp", local.resolve("nope").toString(), "c1:/tmp");
    assertEquals("lstat " + local.resolve("nope") + ": no such file or directory\n", missing.err());
    assertEquals(List.of("HEAD /v1.44/containers/c1/archive?path=%2Ftmp"), cli.calls());
    assertEquals("must specify at least one container source\n", cli.run("cp", "a", "b").err());
    assertEquals("copying between containers is not supported\n", cli.run("cp", "c1:/a", "c2:/b").err());
    cli.json("GET /containers/c1/archive", 404, "{\"message\":\"Could not find the file /nope in container c1\"}");
    CliHarness.Result remote = cli.run("cp", "c1:/nope", local.resolve("x").toString());
    assertEquals("Error response from daemon: Could not find the file /nope in container c1\n", remote.err());
    assertEquals(1, remote.status());
  }

  @Test
  void fromTheContainerAFileIsRenamedAndADirectoryBecomesTheNewName() throws IOException {
    cli.route("GET /containers/c1/archive", stat(200, "hostname", 420, tar("hostname", "ctr\n")));
    CliHarness.Result r = cli.run("cp", "c1:/etc/hostname", local.resolve("h").toString());
    assertEquals(0, r.status(), r.err());
    assertEquals("GET /v1.44/containers/c1/archive?path=%2Fetc%2Fhostname", cli.calls().getLast());
    assertEquals("ctr\n", Files.readString(local.resolve("h")));
    cli.route("GET /containers/c1/archive", stat(200, "www", DIR_MODE, tar("www/", null, "www/index.html", "<h1>\n")));
    cli.run("cp", "c1:/www", local.resolve("site").toString());
    assertEquals("<h1>\n", Files.readString(local.resolve("site/index.html")));
    cli.run("cp", "c1:/www", local.toString());
    assertEquals("<h1>\n", Files.readString(local.resolve("www/index.html")));
    CliHarness.Result dirOnFile = cli.run("cp", "c1:/www", local.resolve("h").toString());
    assertEquals("cannot copy directory\n", dirOnFile.err());
  }

  @Test
  void toStdoutTheArchiveIsPassedThrough() throws IOException {
    byte[] archive = tar("hostname", "ctr\n");
    cli.route("GET /containers/c1/archive", stat(200, "hostname", 420, archive));
    CliHarness.Result r = cli.run("cp", "c1:/etc/hostname", "-");
    assertArrayEquals(archive, r.out().getBytes(StandardCharsets.UTF_8)); // ASCII and NULs survive the decoding
    assertEquals(0, r.status());
  }

  @Test
  void entriesThatWouldEscapeTheDestinationAreRefused() throws IOException {
    Path dest = Files.createDirectories(dir.resolve("dest"));
    cli.route("GET /containers/c1/archive", stat(200, "x", DIR_MODE, tar("x/", null, "x/../../evil", "owned\n")));
    CliHarness.Result r = cli.run("cp", "c1:/x", dest.toString());
    assertEquals(1, r.status());
    assertTrue(r.err().contains("is outside of"), r.err());
    assertFalse(Files.exists(dir.resolve("evil")));
    cli.route("GET /containers/c1/archive", stat(200, "x", DIR_MODE, tar("x/", null, "x/up", "->../../..")));
    assertTrue(cli.run("cp", "c1:/x", dest.toString()).err().startsWith("invalid symlink"));
    cli.route("GET /containers/c1/archive", stat(200, "y", DIR_MODE, tar("y/", null, "y/root", "->/", "y/root/planted", "owned\n")));
    CliHarness.Result through = cli.run("cp", "c1:/y", dest.toString());
    assertTrue(through.err().contains("is outside of"), through.err());
    assertFalse(Files.exists(Path.of("/planted")));
  }
}
