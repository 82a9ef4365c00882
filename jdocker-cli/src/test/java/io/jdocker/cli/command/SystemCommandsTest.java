package io.jdocker.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemCommandsTest {
  @TempDir
  Path dir;

  CliHarness cli;

  @BeforeEach
  void start() throws Exception {
    cli = new CliHarness(dir);
    cli.json("GET /version", 200, CliHarness.sample("api_version.json"));
    cli.route("GET /info", io.jdocker.cli.training.FakeDaemon.Response.json(200, CliHarness.sample("api_info.json")).chunkedBody());
  }

  @AfterEach
  void stop() throws Exception {
    cli.close();
  }

  @Test
  void versionPrintsDockersServerSection() {
    CliHarness.Result r = cli.run("version");
    assertEquals(0, r.status());
    // The server half as docker CLI 28.2.2 printed it for the same /version answer.
    assertTrue(r.out().endsWith("""

        Server:
         Engine:
          Version:          20.10.24+dfsg1
          API version:      1.41 (minimum version 1.12)
          Go version:       go1.19.8
          Git commit:       5d6db84
          Built:            Thu May  7 21:09:36 2026
          OS/Arch:          linux/amd64
          Experimental:     false
         containerd:
          Version:          1.6.20~ds1
          GitCommit:        1.6.20~ds1-1+deb12u3
         runc:
          Version:          1.1.5+ds1
          GitCommit:        1.1.5+ds1-1+deb12u1
         docker-init:
          Version:          0.19.0
          GitCommit:       \s
        """), r.out());
    assertTrue(r.out().startsWith("Client:\n Version:           0.1.0\n API version:       1.44\n"), r.out());
    assertEquals(List.of("GET /v1.44/version"), cli.calls());
  }

  @Test
  void versionFormat() {
    assertEquals("20.10.24+dfsg1 1.44\n", cli.run("version", "--format", "{{.Server.Version}} {{.Client.ApiVersion}}").out());
    CliHarness.Result r = cli.run("version", "-f", "{{.Nope}}");
    assertEquals(1, r.status());
    assertEquals("template: version:1:2: executing \"version\" at <.Nope>: can't evaluate field Nope in type system.versionInfo\n",
        r.err());
  }

  @Test
  void infoPrintsDockersServerSection() {
    CliHarness.Result r = cli.run("system", "info");
    assertEquals(0, r.status());
    String out = r.out();
    assertTrue(out.contains("""
        Server:
         Containers: 0
          Running: 0
          Paused: 0
          Stopped: 0
         Images: 3
         Server Version: 20.10.24+dfsg1
         Storage Driver: overlay2
          Backing Filesystem: extfs
        """), out);
    assertTrue(out.contains(" Total Memory: 23.54GiB\n"), out);
    assertTrue(out.endsWith(" Insecure Registries:\n  127.0.0.0/8\n Live Restore Enabled: false\n\n"), out);
  }

  @Test
  void infoFormatSeesServerFieldsAtTheTopAndClientInfo() {
    assertEquals("20.10.24+dfsg1 false [\"local\"]\n",
        cli.run("info", "--format", "{{.ServerVersion}} {{.ClientInfo.Debug}} {{json .Plugins.Volume}}").out());
  }

  @Test
  void eventsPrintsDockersLineAndSendsTimes() {
    cli.route("GET /events", io.jdocker.cli.training.FakeDaemon.Response.json(200,
        "{\"status\":\"tag\",\"id\":\"sha256:e9\",\"Type\":\"image\",\"Action\":\"tag\",\"Actor\":{\"ID\":\"sha256:e9\","
            + "\"Attributes\":{\"name\":\"busybox:t\",\"a\":\"1\"}},\"scope\":\"local\",\"time\":1795911951,"
            + "\"timeNano\":1795911951424365000}\n{\"Type\":\"image\",\"Action\":\"delete\",\"Actor\":{\"ID\":\"x\"},"
            + "\"timeNano\":1795911952000000000}").chunkedBody());
    CliHarness.Result r = cli.run("events", "--since", "1795910000", "--until", "10s", "-f", "type=image");
    assertEquals(0, r.status());
    assertEquals("2026-11-29T00:25:51.424365000Z image tag sha256:e9 (a=1, name=busybox:t)\n"
        + "2026-11-29T00:25:52.000000000Z image delete x\n", r.out());
    assertEquals(List.of("GET /v1.44/events?filters=%7B%22type%22%3A%7B%22image%22%3Atrue%7D%7D&since=1795910000&until=1795910905.000000000"),
        cli.calls());
    assertEquals("tag busybox:t\ndelete \n",
        cli.run("system", "events", "--format", "{{.Action}} {{.Actor.Attributes.name}}").out());
  }

  @Test
  void connectionFailureIsDockersMessage() {
    CliHarness.Result r = cli.run("-H", "unix://" + dir.resolve("none.sock"), "images");
    assertEquals(1, r.status());
    assertEquals("Cannot connect to the Docker daemon at unix://" + dir.resolve("none.sock") + ". Is the docker daemon running?\n",
        r.err());
  }

  @Test
  void usageErrorsMatchDockersTextAndExitCodes() {
    CliHarness.Result r = cli.run("foo");
    assertEquals(1, r.status());
    assertEquals("jdocker: unknown command: jdocker foo\n\nRun 'jdocker --help' for more information\n", r.err());
    r = cli.run("images", "--bogus");
    assertEquals(125, r.status());
    assertEquals("unknown flag: --bogus\n\nUsage:  jdocker images [OPTIONS] [REPOSITORY[:TAG]]\n\n"
        + "Run 'jdocker images --help' for more information\n", r.err());
    r = cli.run("image", "ls", "a", "b");
    assertEquals(1, r.status());
    assertEquals("jdocker: 'jdocker image ls' requires at most 1 argument\n\nUsage:  jdocker image ls [OPTIONS] [REPOSITORY[:TAG]]\n\n"
        + "Run 'jdocker image ls --help' for more information\n", r.err());
    assertEquals(125, cli.run("images", "--format").status());
    r = cli.run("images", "-f", "bad");
    assertEquals(125, r.status());
    assertEquals("invalid argument \"bad\" for \"-f, --filter\" flag: bad format of filter (expected name=value)\n\n"
        + "Usage:  jdocker images [OPTIONS] [REPOSITORY[:TAG]]\n\nRun 'jdocker images --help' for more information\n", r.err());
    assertEquals(1, cli.run("version", "extra").status());
  }

  @Test
  void helpLooksLikeDockers() {
    CliHarness.Result r = cli.run("images", "--help");
    assertEquals(0, r.status());
    assertTrue(r.out().startsWith("""
        Usage:  jdocker images [OPTIONS] [REPOSITORY[:TAG]]

        List images

        Aliases:
          jdocker image ls, jdocker image list, jdocker images

        Options:
          -a, --all             Show all images (default hides intermediate images)
              --digests         Show digests
          -f, --filter filter   Filter output based on conditions provided
              --format string   Format output using a custom template:
        """), r.out());
    assertTrue(cli.run("--help").out().contains("  images      List images\n"));
    assertTrue(cli.run("--help").out().contains("""
        Common Commands:
          run         Create and run a new container from an image
          exec        Execute a command in a running container
          ps          List containers
          pull        Download an image from a registry
          push        Upload an image to a registry
          images      List images
          login       Authenticate to a registry
          logout      Log out from a registry
          search      Search Docker Hub for images
          version     Show the Docker version information
          info        Display system-wide information

        Management Commands:
          container   Manage containers
          image       Manage images
          system      Manage Docker

        Commands:
          attach      Attach local standard input, output, and error streams to a running container
          commit      Create a new image from a container's changes
          cp          Copy files/folders between a container and the local filesystem
          create      Create a new container
        """), cli.run("--help").out());
    assertTrue(cli.run("image", "--help").out().contains("  pull        Download an image from a registry\n"
        + "  push        Upload an image to a registry\n"));
    assertEquals("Usage:  jdocker logout [SERVER]\n\nLog out from a registry.\n"
        + "If no server is specified, the default is defined by the daemon.\n", cli.run("logout", "--help").out());
    assertTrue(cli.run("image").out().contains("  ls          List images\n"));
  }
}
