package io.jdocker.it.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.it.support.BusyboxImage;
import io.jdocker.it.support.Client;
import io.jdocker.it.support.Daemon;
import io.jdocker.it.support.SharedDaemon;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code commit}: what a container wrote is in the new image, with the -c and -m the user gave. */
@ExtendWith(SharedDaemon.class)
class ContainerCommitIT {
  static final String IMAGE = "it-commit-busybox";
  private final Daemon daemon;

  ContainerCommitIT(Daemon daemon) {
    this.daemon = daemon;
  }

  @BeforeAll
  static void importImage(Daemon daemon) {
    BusyboxImage.importAs(daemon, IMAGE);
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void theCommittedImageRunsWithTheContainersFiles(Client cli) {
    String container = "it-commit-" + cli.tag();
    String image = "it-committed-" + cli.tag() + ":v1";
    try {
      cli.run(daemon, "run", "--name", container, IMAGE, "sh", "-c", "echo hello from commit > /hello; rm /etc/passwd")
          .assertSuccess();
      String id = cli.run(daemon, "commit", "-c", "CMD [\"cat\",\"/hello\"]", "-m", "saved the greeting",
          container, image).assertSuccess().out();
      assertTrue(id.matches("sha256:[0-9a-f]{64}"), "commit prints the image ID, got: " + id);
      assertEquals(id, cli.run(daemon, "image", "inspect", "-f", "{{.Id}}", image).assertSuccess().out());

      assertEquals("hello from commit", cli.run(daemon, "run", "--rm", image).assertSuccess().out());
      assertEquals("gone", cli.run(daemon, "run", "--rm", image, "sh", "-c",
          "test -e /etc/passwd && echo there || echo gone").assertSuccess().out());

      String history = cli.run(daemon, "history", "--format", "{{.Comment}}", image).assertSuccess().out();
      assertEquals("saved the greeting", history.lines().findFirst().orElseThrow());
      assertEquals("saved the greeting", cli.run(daemon, "image", "inspect", "-f", "{{.Comment}}", image)
          .assertSuccess().out());
      assertEquals("[cat /hello]", cli.run(daemon, "image", "inspect", "-f", "{{.Config.Cmd}}", image)
          .assertSuccess().out());
    } finally {
      cli.run(daemon, "rm", "-f", container);
      cli.run(daemon, "rmi", image);
    }
  }
}
