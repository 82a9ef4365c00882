package io.jdocker.it.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.it.support.BusyboxImage;
import io.jdocker.it.support.Client;
import io.jdocker.it.support.Daemon;
import io.jdocker.it.support.SharedDaemon;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code stats} and {@code system df} on real containers, through both CLIs. */
@ExtendWith(SharedDaemon.class)
class ResourceUsageIT {
  static final String IMAGE = "it-usage-busybox";
  private final Daemon daemon;

  ResourceUsageIT(Daemon daemon) {
    this.daemon = daemon;
  }

  @BeforeAll
  static void importImage(Daemon daemon) {
    BusyboxImage.importAs(daemon, IMAGE);
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void statsShowsTheLimitAndTheProcessesOfARunningContainer(Client cli) {
    String name = "it-stats-" + cli.tag();
    cli.run(daemon, "run", "-d", "--name", name, "-m", "64m", "--pids-limit", "20", IMAGE, "sleep", "600")
        .assertSuccess();
    try {
      String row = cli.run(daemon, "stats", "--no-stream", "--format",
          "{{.Name}}|{{.MemUsage}}|{{.PIDs}}", name).assertSuccess().out();
      String[] cells = row.split("\\|");
      assertEquals(name, cells[0], row);
      assertTrue(cells[1].endsWith(" / 64MiB") && !cells[1].startsWith("0B"), "memory in use of 64MiB: " + row);
      assertEquals("1", cells[2], row);
      assertEquals(1, cli.run(daemon, "stats", "--no-stream", "it-no-such-container").exitCode());
    } finally {
      cli.run(daemon, "rm", "-f", name).assertSuccess();
    }
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void systemDfCountsImagesAndTheBytesAContainerWrote(Client cli) {
    String name = "it-df-" + cli.tag();
    cli.run(daemon, "run", "--name", name, IMAGE, "sh", "-c", "head -c 300000 /dev/zero > /written").assertSuccess();
    try {
      List<String> rows = cli.run(daemon, "system", "df", "--format", "{{.Type}}|{{.TotalCount}}|{{.Size}}")
          .assertSuccess().stdout().lines().toList();
      assertEquals(4, rows.size(), String.join("\n", rows));
      assertTrue(rows.get(0).startsWith("Images|") && !rows.get(0).endsWith("|0B"), rows.get(0));
      String verbose = cli.run(daemon, "system", "df", "-v").assertSuccess().stdout();
      String containerRow = verbose.lines().filter(l -> l.endsWith(name)).findFirst()
          .orElseThrow(() -> new AssertionError("no row for " + name + ":\n" + verbose));
      assertTrue(containerRow.contains("300kB"), "the 300 kB it wrote: " + containerRow);
    } finally {
      cli.run(daemon, "rm", name).assertSuccess();
    }
  }
}
