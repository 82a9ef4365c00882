package io.jdocker.it.images;

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
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The classic image workflow, driven through jdocker and through the docker CLI. */
@ExtendWith(SharedDaemon.class)
class ImageWorkflowIT {
  private final Daemon daemon;

  ImageWorkflowIT(Daemon daemon) {
    this.daemon = daemon;
  }

  private static String name(Client cli, String what) {
    return "it-" + cli.tag() + "-" + what;
  }

  private String importImage(Client cli, String ref) {
    String id = cli.command(daemon, "import", "-c", "CMD [\"sh\"]", "-", ref)
        .stdinFrom(BusyboxImage.rootfsTar()).run().assertSuccess().out();
    assertTrue(id.matches("sha256:[0-9a-f]{64}"), "import prints the image ID, got: " + id);
    return id;
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void importedImageIsListedAndInspectable(Client cli) {
    String ref = name(cli, "import") + ":v1";
    String id = importImage(cli, ref);

    String listed = cli.run(daemon, "images", "--no-trunc", "--format",
        "{{.Repository}}:{{.Tag}} {{.ID}}").assertSuccess().out();
    assertTrue(listed.lines().anyMatch(l -> l.equals(ref + " " + id)), listed);

    assertEquals(id, cli.run(daemon, "image", "inspect", "-f", "{{.Id}}", ref)
        .assertSuccess().out());
    assertEquals("[sh]", cli.run(daemon, "inspect", "-f", "{{.Config.Cmd}}", ref)
        .assertSuccess().out());
    assertEquals("amd64 linux", cli.run(daemon, "image", "inspect", "-f",
        "{{.Architecture}} {{.Os}}", ref).assertSuccess().out());
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void quietListingPrintsShortIds(Client cli) {
    String ref = name(cli, "quiet");
    String id = importImage(cli, ref);
    String quiet = cli.run(daemon, "images", "-q", ref).assertSuccess().out();
    assertEquals(id.substring(7, 19), quiet);
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void tableHeaderMatchesDocker(Client cli) {
    importImage(cli, name(cli, "table"));
    String first = cli.run(daemon, "images").assertSuccess().stdout().lines().findFirst().orElseThrow();
    assertEquals(List.of("REPOSITORY", "TAG", "IMAGE", "ID", "CREATED", "SIZE"),
        List.of(first.trim().split("\\s+")));
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void tagAddsAReferenceAndRmiRemovesOnlyIt(Client cli) {
    String ref = name(cli, "tag") + ":v1";
    String id = importImage(cli, ref);
    String other = "127.0.0.1:5000/" + name(cli, "tagged") + ":v2";
    cli.run(daemon, "tag", ref, other).assertSuccess();
    assertEquals(id, cli.run(daemon, "image", "inspect", "-f", "{{.Id}}", other)
        .assertSuccess().out());

    String untagged = cli.run(daemon, "rmi", other).assertSuccess().out();
    assertEquals("Untagged: " + other, untagged);
    assertEquals(id, cli.run(daemon, "image", "inspect", "-f", "{{.Id}}", ref)
        .assertSuccess().out());

    CommandResult gone = cli.run(daemon, "rmi", ref).assertSuccess();
    assertTrue(gone.stdout().contains("Untagged: " + ref), gone.stdout());
    assertTrue(gone.stdout().contains("Deleted: " + id), gone.stdout());
    assertNotEquals(0, cli.run(daemon, "image", "inspect", ref).exitCode());
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void historyShowsTheImportEntry(Client cli) {
    String ref = name(cli, "history");
    importImage(cli, ref);
    String history = cli.run(daemon, "history", "--format", "{{.Comment}}", ref)
        .assertSuccess().out();
    assertEquals("Imported from -", history);
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void saveRmiLoadKeepsTheImageId(Client cli, @TempDir Path dir) throws Exception {
    String ref = name(cli, "save") + ":v1";
    String id = importImage(cli, ref);
    Path tar = dir.resolve("image.tar");
    cli.run(daemon, "save", "-o", tar.toString(), ref).assertSuccess();
    assertTrue(Files.size(tar) > 1_000_000, "the tar holds the busybox layer");

    cli.run(daemon, "rmi", ref).assertSuccess();
    assertNotEquals(0, cli.run(daemon, "image", "inspect", ref).exitCode());

    CommandResult loaded = cli.command(daemon, "load").stdinFrom(tar).run().assertSuccess();
    assertEquals("Loaded image: " + ref, loaded.out());
    assertEquals(id, cli.run(daemon, "image", "inspect", "-f", "{{.Id}}", ref)
        .assertSuccess().out());
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void saveToStdoutLoadsWithDashI(Client cli, @TempDir Path dir) {
    String ref = name(cli, "stdout");
    String id = importImage(cli, ref);
    Path tar = dir.resolve("out.tar");
    cli.command(daemon, "save", ref).stdoutTo(tar).run().assertSuccess();
    cli.run(daemon, "rmi", ref).assertSuccess();
    cli.run(daemon, "load", "-i", tar.toString()).assertSuccess();
    assertEquals(id, cli.run(daemon, "image", "inspect", "-f", "{{.Id}}", ref + ":latest")
        .assertSuccess().out());
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void missingImageErrorsLikeDocker(Client cli) {
    CommandResult rmi = cli.run(daemon, "rmi", "it-no-such-image");
    assertEquals(1, rmi.exitCode());
    assertTrue(rmi.stderr().contains("No such image: it-no-such-image:latest"), rmi.stderr());

    CommandResult inspect = cli.run(daemon, "inspect", "it-no-such-object");
    assertEquals(1, inspect.exitCode());
    assertTrue(inspect.stderr().contains("No such object: it-no-such-object"), inspect.stderr());
    assertFalse(inspect.stdout().contains("Id"));
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void danglingFilterListsUntaggedImages(Client cli) {
    String ref = name(cli, "dangling");
    String first = importImage(cli, ref);
    cli.command(daemon, "import", "-c", "CMD [\"true\"]", "-", ref)
        .stdinFrom(BusyboxImage.rootfsTar()).run().assertSuccess();
    String dangling = cli.run(daemon, "images", "-q", "--no-trunc", "-f", "dangling=true")
        .assertSuccess().out();
    assertTrue(dangling.lines().anyMatch(first::equals), dangling);
    cli.run(daemon, "rmi", first).assertSuccess();
  }
}
