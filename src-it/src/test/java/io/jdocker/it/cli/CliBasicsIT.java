package io.jdocker.it.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdocker.it.support.BusyboxImage;
import io.jdocker.it.support.Command;
import io.jdocker.it.support.CommandResult;
import io.jdocker.it.support.Daemon;
import io.jdocker.it.support.SharedDaemon;
import io.jdocker.it.support.Tools;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The CLI's own behaviour: host selection, errors, and agreement with the docker CLI. */
@ExtendWith(SharedDaemon.class)
class CliBasicsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Daemon daemon;

  CliBasicsIT(Daemon daemon) {
    this.daemon = daemon;
  }

  @Test
  void missingDaemonGetsDockersMessage() {
    CommandResult result = Command.of(List.of(Tools.jdocker().toString(),
        "-H", "unix:///tmp/it-no-daemon.sock", "images")).run();
    assertEquals(1, result.exitCode());
    assertEquals("Cannot connect to the Docker daemon at unix:///tmp/it-no-daemon.sock. "
        + "Is the docker daemon running?", result.stderr().strip());
  }

  @Test
  void hostComesFromTheEnvironment() {
    assertEquals(0, Command.of(List.of(Tools.jdocker().toString(), "version"))
        .env("JDOCKER_HOST", daemon.host()).run().exitCode());
    assertEquals(0, Command.of(List.of(Tools.jdocker().toString(), "version"))
        .env("DOCKER_HOST", daemon.host()).run().exitCode());
  }

  @Test
  void versionShowsClientAndServer() {
    String out = daemon.jdocker("version").assertSuccess().stdout();
    assertTrue(out.contains("Client:"), out);
    assertTrue(out.contains("Server:"), out);
    assertEquals("1.44", daemon.jdocker("version", "--format", "{{.Server.APIVersion}}")
        .assertSuccess().out());
  }

  @Test
  void dockerCliReportsOurServer() {
    assertEquals("1.44", daemon.docker("version", "--format", "{{.Server.APIVersion}}")
        .assertSuccess().out());
    CommandResult info = daemon.docker("info", "--format", "{{.OSType}} {{.Driver}}");
    assertEquals("linux overlay2", info.assertSuccess().out());
  }

  @Test
  void infoCountsImages() {
    BusyboxImage.importAs(daemon, "it-info-count");
    int jdockerCount = Integer.parseInt(daemon.jdocker("info", "--format", "{{.Images}}")
        .assertSuccess().out());
    int dockerCount = Integer.parseInt(daemon.docker("info", "--format", "{{.Images}}")
        .assertSuccess().out());
    assertTrue(jdockerCount >= 1);
    assertEquals(dockerCount, jdockerCount);
  }

  @Test
  void bothClientsSeeTheSameImages() throws Exception {
    BusyboxImage.importAs(daemon, "it-cross:v1");
    String format = "{{.Repository}} {{.Tag}} {{.ID}} {{.Size}}";
    String ours = daemon.jdocker("images", "--format", format).assertSuccess().stdout();
    String theirs = daemon.docker("images", "--format", format).assertSuccess().stdout();
    assertEquals(theirs, ours);

    JsonNode ourInspect = JSON.readTree(daemon.jdocker("image", "inspect", "it-cross:v1")
        .assertSuccess().stdout());
    JsonNode theirInspect = JSON.readTree(daemon.docker("image", "inspect", "it-cross:v1")
        .assertSuccess().stdout());
    assertEquals(theirInspect, ourInspect);
  }

  @Test
  void unknownCommandFails() {
    CommandResult result = daemon.jdocker("no-such-command");
    assertTrue(result.exitCode() != 0);
    assertTrue(result.stderr().contains("no-such-command"), result.stderr());
  }
}
