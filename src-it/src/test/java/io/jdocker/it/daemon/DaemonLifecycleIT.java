package io.jdocker.it.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.it.support.BusyboxImage;
import io.jdocker.it.support.Command;
import io.jdocker.it.support.CommandResult;
import io.jdocker.it.support.Daemon;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Start-up refusals, clean shutdown and recovery after kill -9, each on a daemon of its own. */
class DaemonLifecycleIT {

  @Test
  void secondDaemonOnTheSameSocketIsRefused() {
    try (Daemon daemon = Daemon.start()) {
      List<String> rival = new ArrayList<>(daemon.commandLine());
      int dataRoot = rival.indexOf("--data-root");
      rival.set(dataRoot + 1, daemon.base().resolve("other-data").toString());
      CommandResult result = Command.of(rival).run();
      assertNotEquals(0, result.exitCode());
      assertTrue((result.stdout() + result.stderr()).contains(daemon.socket().toString()),
          "the refusal names the socket: " + result.stdout() + result.stderr());
      assertTrue(daemon.http().pingQuietly(), "the first daemon keeps serving");
    }
  }

  @Test
  void secondDaemonOnTheSameDataRootIsRefused() {
    try (Daemon daemon = Daemon.start()) {
      List<String> rival = new ArrayList<>(daemon.commandLine());
      int host = rival.indexOf("-H");
      rival.set(host + 1, "unix://" + daemon.base().resolve("other.sock"));
      int pidfile = rival.indexOf("--pidfile");
      rival.set(pidfile + 1, daemon.base().resolve("other.pid").toString());
      CommandResult result = Command.of(rival).run();
      assertNotEquals(0, result.exitCode());
      assertTrue((result.stdout() + result.stderr()).contains(daemon.dataRoot().toString()),
          "the refusal names the data root: " + result.stdout() + result.stderr());
      assertTrue(daemon.http().pingQuietly());
    }
  }

  @Test
  void sigtermShutsDownCleanlyAndRemovesTheSocket() {
    try (Daemon daemon = Daemon.start()) {
      assertEquals(0, daemon.stop(), "SIGTERM is a clean exit");
      assertFalse(Files.exists(daemon.socket()), "socket removed on SIGTERM");
      assertFalse(Files.exists(daemon.base().resolve("jdockerd.pid")), "pidfile removed");
    }
  }

  @Test
  void storeSurvivesKillDashNine() {
    try (Daemon daemon = Daemon.start()) {
      String id = BusyboxImage.importAs(daemon, "it-crash:v1");
      daemon.jdocker("tag", "it-crash:v1", "it-crash:v2").assertSuccess();
      daemon.kill9();
      daemon.startAgain();
      assertEquals(id, daemon.jdocker("image", "inspect", "-f", "{{.Id}}", "it-crash:v2")
          .assertSuccess().out());
      assertTrue(daemon.jdocker("images", "--format", "{{.Repository}}:{{.Tag}}").assertSuccess()
          .stdout().contains("it-crash:v1"));
    }
  }

  @Test
  void killDuringImportLeavesALoadableStore() throws Exception {
    try (Daemon daemon = Daemon.start()) {
      String id = BusyboxImage.importAs(daemon, "it-survivor:latest");
      Process importing = new ProcessBuilder(daemon.jdockerCommandLine("import", "-", "it-partial"))
          .redirectInput(BusyboxImage.rootfsTar().toFile()).start();
      Thread.sleep(150);
      daemon.kill9();
      importing.waitFor();
      daemon.startAgain();
      assertEquals(id, daemon.jdocker("image", "inspect", "-f", "{{.Id}}", "it-survivor")
          .assertSuccess().out());
      daemon.jdocker("images", "-a").assertSuccess();
    }
  }
}
