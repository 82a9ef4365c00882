package io.jdocker.it.interactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.it.support.BusyboxImage;
import io.jdocker.it.support.Client;
import io.jdocker.it.support.CommandResult;
import io.jdocker.it.support.Daemon;
import io.jdocker.it.support.SharedDaemon;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** docker cp in both directions, on running and stopped containers, never escaping the root. */
@ExtendWith(SharedDaemon.class)
class CopyIT {
  static final String IMAGE = "it-cp-busybox";
  private final Daemon daemon;

  CopyIT(Daemon daemon) {
    this.daemon = daemon;
  }

  @BeforeAll
  static void importImage(Daemon daemon) {
    BusyboxImage.importAs(daemon, IMAGE);
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void copiesFilesAndDirectoriesBothWays(Client cli, @TempDir Path dir) throws Exception {
    String name = "it-cp-" + cli.tag();
    cli.run(daemon, "run", "-d", "--name", name, IMAGE, "sleep", "600").assertSuccess();
    Path file = Files.writeString(dir.resolve("hello.txt"), "hello from the host\n");
    cli.run(daemon, "cp", file.toString(), name + ":/tmp/greeting.txt").assertSuccess();
    assertEquals("hello from the host", cli.run(daemon, "exec", name, "cat", "/tmp/greeting.txt")
        .assertSuccess().out());

    Path tree = Files.createDirectories(dir.resolve("tree/sub"));
    Files.writeString(tree.resolve("a.txt"), "a");
    cli.run(daemon, "cp", dir.resolve("tree").toString(), name + ":/srv").assertSuccess();
    assertEquals("a", cli.run(daemon, "exec", name, "cat", "/srv/sub/a.txt").assertSuccess().out());

    cli.run(daemon, "exec", name, "sh", "-c", "mkdir -p /out && echo made inside > /out/f")
        .assertSuccess();
    Path back = dir.resolve("back");
    cli.run(daemon, "cp", name + ":/out", back.toString()).assertSuccess();
    assertEquals("made inside\n", Files.readString(back.resolve("f")));
    cli.run(daemon, "rm", "-f", name).assertSuccess();
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void worksOnStoppedContainers(Client cli, @TempDir Path dir) throws Exception {
    String name = "it-cp-stopped-" + cli.tag();
    cli.run(daemon, "run", "--name", name, IMAGE, "sh", "-c", "echo kept > /kept").assertSuccess();
    Path out = dir.resolve("kept");
    cli.run(daemon, "cp", name + ":/kept", out.toString()).assertSuccess();
    assertEquals("kept\n", Files.readString(out));
    Path in = Files.writeString(dir.resolve("new"), "new\n");
    cli.run(daemon, "cp", in.toString(), name + ":/new").assertSuccess();
    cli.run(daemon, "start", "-a", name).assertSuccess();
    Path again = dir.resolve("again");
    cli.run(daemon, "cp", name + ":/new", again.toString()).assertSuccess();
    assertEquals("new\n", Files.readString(again));
    cli.run(daemon, "rm", name).assertSuccess();
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void symlinksInTheContainerResolveInsideItsRoot(Client cli, @TempDir Path dir) throws Exception {
    String name = "it-cp-link-" + cli.tag();
    Path hostTarget = Files.createDirectories(dir.resolve("host-side"));
    cli.run(daemon, "run", "-d", "--name", name, IMAGE, "sh", "-c",
        "mkdir -p /inside && ln -s " + hostTarget + " /escape && ln -s ../../../.. /up && sleep 600")
        .assertSuccess();
    waitFor(cli, name, "/escape");
    Path file = Files.writeString(dir.resolve("payload"), "x");
    cli.run(daemon, "cp", file.toString(), name + ":/escape/payload");
    cli.run(daemon, "cp", file.toString(), name + ":/up/payload-up");
    assertFalse(Files.exists(hostTarget.resolve("payload")), "nothing lands on the host");
    assertFalse(Files.exists(Path.of("/payload-up")), "nothing lands in the host's root");

    CommandResult missing = cli.run(daemon, "cp", name + ":/no/such/file", dir.toString());
    assertNotEquals(0, missing.exitCode());
    assertTrue(missing.stderr().contains("Could not find the file /no/such/file in container"),
        missing.stderr());
    cli.run(daemon, "rm", "-f", name).assertSuccess();
  }

  private void waitFor(Client cli, String name, String path) {
    for (int i = 0; i < 100; i++) {
      if (cli.run(daemon, "exec", name, "test", "-L", path).exitCode() == 0) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError(path + " never appeared in " + name);
  }
}
