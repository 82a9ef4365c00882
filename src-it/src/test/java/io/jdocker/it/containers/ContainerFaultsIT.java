package io.jdocker.it.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.it.support.BusyboxImage;
import io.jdocker.it.support.Command;
import io.jdocker.it.support.Daemon;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What survives a daemon crash, and what a removed container leaves behind: nothing. */
class ContainerFaultsIT {

  @Test
  void runningContainerIsAdoptedAfterDaemonKillDashNine() {
    try (Daemon daemon = Daemon.start()) {
      BusyboxImage.importAs(daemon, "busybox");
      daemon.jdocker("run", "-d", "--name", "survivor", "busybox", "sh", "-c",
          "i=0; while true; do echo tick $i; i=$((i+1)); sleep 0.2; done").assertSuccess();
      daemon.jdocker("run", "-d", "--name", "stopped", "busybox", "true").assertSuccess();
      daemon.jdocker("wait", "stopped").assertSuccess();
      String pid = daemon.jdocker("inspect", "-f", "{{.State.Pid}}", "survivor").assertSuccess().out();

      daemon.kill9();
      sleep(600);
      assertTrue(Files.exists(Path.of("/proc", pid)), "the container outlives the daemon");
      daemon.startAgain();

      assertEquals("running " + pid, daemon.jdocker("inspect", "-f",
          "{{.State.Status}} {{.State.Pid}}", "survivor").assertSuccess().out());
      assertEquals("exited", daemon.jdocker("inspect", "-f", "{{.State.Status}}", "stopped")
          .assertSuccess().out());
      String before = daemon.jdocker("logs", "survivor").assertSuccess().stdout();
      sleep(800);
      String after = daemon.jdocker("logs", "survivor").assertSuccess().stdout();
      assertTrue(after.length() > before.length(), "logging resumed after the restart");

      daemon.jdocker("stop", "-t", "1", "survivor").assertSuccess();
      assertFalse(Files.exists(Path.of("/proc", pid)), "stop reached the adopted process");
      daemon.jdocker("rm", "survivor", "stopped").assertSuccess();
    }
  }

  @Test
  void containerThatDiedWhileTheDaemonWasDownShowsExited() {
    try (Daemon daemon = Daemon.start()) {
      BusyboxImage.importAs(daemon, "busybox");
      daemon.jdocker("run", "-d", "--name", "victim", "busybox", "sleep", "600").assertSuccess();
      String pid = daemon.jdocker("inspect", "-f", "{{.State.Pid}}", "victim").assertSuccess().out();
      daemon.kill9();
      Command.of(List.of("kill", "-9", pid)).run().assertSuccess();
      sleep(300);
      daemon.startAgain();
      assertEquals("exited false", daemon.jdocker("inspect", "-f",
          "{{.State.Status}} {{.State.Running}}", "victim").assertSuccess().out());
      String id = daemon.jdocker("inspect", "-f", "{{.Id}}", "victim").assertSuccess().out();
      assertFalse(cgroupExists(id), "an exit seen only at start-up releases the cgroup too");
      daemon.jdocker("rm", "victim").assertSuccess();
    }
  }

  @Test
  void removedContainersLeaveNoMountCgroupOrDirectory() throws IOException {
    try (Daemon daemon = Daemon.start()) {
      BusyboxImage.importAs(daemon, "busybox");
      String id = daemon.jdocker("run", "-d", "-m", "32m", "busybox", "sleep", "600")
          .assertSuccess().out();
      daemon.jdocker("rm", "-f", id).assertSuccess();
      assertFalse(Files.readString(Path.of("/proc/self/mountinfo")).contains(id),
          "no mount mentions the container");
      assertFalse(cgroupExists(id), "no cgroup is left");
      try (Stream<Path> files = Files.walk(daemon.base())) {
        assertTrue(files.noneMatch(p -> p.toString().contains(id)), "no file or directory is left");
      }
    }
  }

  private static boolean cgroupExists(String id) {
    try (Stream<Path> cgroups = Files.walk(Path.of("/sys/fs/cgroup"), 4)) {
      return cgroups.anyMatch(p -> p.getFileName() != null && p.getFileName().toString().equals(id));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
