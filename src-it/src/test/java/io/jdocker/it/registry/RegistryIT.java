package io.jdocker.it.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.it.support.BusyboxImage;
import io.jdocker.it.support.Client;
import io.jdocker.it.support.CommandResult;
import io.jdocker.it.support.Daemon;
import io.jdocker.it.support.LocalRegistry;
import io.jdocker.it.support.SharedDaemon;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** push, pull, run-pulls-what-is-missing and login against a real registry on 127.0.0.1. */
@ExtendWith(SharedDaemon.class)
class RegistryIT {
  private static LocalRegistry registry;
  private final Daemon daemon;

  RegistryIT(Daemon daemon) {
    this.daemon = daemon;
  }

  @BeforeAll
  static void startRegistry() {
    registry = LocalRegistry.start();
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void pushedImageComesBackByTagAndDigestAndRuns(Client cli) {
    String repo = registry.host() + "/it/round-trip-" + cli.tag();
    String id = BusyboxImage.importUniqueAs(daemon, repo + ":v1", "round trip " + cli.tag());

    CommandResult push = cli.run(daemon, "push", repo + ":v1").assertSuccess();
    assertTrue(push.stdout().contains("The push refers to repository [" + repo + "]"), push.stdout());
    assertTrue(push.stdout().contains(": Pushed"), push.stdout());
    String digest = push.stdout().lines().filter(l -> l.startsWith("v1: digest: ")).findFirst()
        .orElseThrow(() -> new AssertionError("no digest line: " + push.stdout())).split(" ")[2];
    assertTrue(digest.matches("sha256:[0-9a-f]{64}"), digest);
    assertTrue(cli.run(daemon, "push", repo + ":v1").assertSuccess().stdout()
        .contains("Layer already exists"), "a second push uploads nothing");

    cli.run(daemon, "rmi", repo + ":v1").assertSuccess();
    CommandResult pull = cli.run(daemon, "pull", repo + ":v1").assertSuccess();
    assertTrue(pull.stdout().contains("Pull complete"), pull.stdout());
    assertTrue(pull.stdout().contains("Digest: " + digest), pull.stdout());
    assertTrue(pull.stdout().contains("Status: Downloaded newer image for " + repo + ":v1"), pull.stdout());
    assertEquals(repo + ":v1", pull.stdout().strip().lines().reduce((a, b) -> b).orElse(""));
    assertEquals(id, cli.run(daemon, "inspect", "-f", "{{.Id}}", repo + ":v1").assertSuccess().out(),
        "the same config comes back, so the same image ID");
    assertTrue(cli.run(daemon, "inspect", "-f", "{{json .RepoDigests}}", repo + ":v1").assertSuccess().out()
        .contains(repo + "@" + digest));
    assertTrue(cli.run(daemon, "pull", repo + ":v1").assertSuccess().stdout()
        .contains("Status: Image is up to date for " + repo + ":v1"));

    cli.run(daemon, "rmi", repo + ":v1").assertSuccess();
    cli.run(daemon, "pull", repo + "@" + digest).assertSuccess();
    assertEquals("round trip " + cli.tag(), cli.run(daemon, "run", "--rm", repo + "@" + digest, "cat", "/marker")
        .assertSuccess().out());
    cli.run(daemon, "rmi", repo + "@" + digest).assertSuccess();
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void runPullsAMissingImage(Client cli) {
    String repo = registry.host() + "/it/auto-pull-" + cli.tag();
    BusyboxImage.importAs(daemon, repo + ":latest");
    cli.run(daemon, "push", repo).assertSuccess();
    cli.run(daemon, "rmi", repo).assertSuccess();

    CommandResult run = cli.run(daemon, "run", "--rm", repo, "echo", "ran");
    assertEquals(0, run.exitCode(), run.stderr());
    assertEquals("ran", run.out());
    assertTrue(run.stderr().contains("Unable to find image '" + repo + ":latest' locally"), run.stderr());
    cli.run(daemon, "rmi", repo).assertSuccess();
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void unknownTagsAndUnreachableRegistriesFailClearly(Client cli) {
    CommandResult missing = cli.run(daemon, "pull", registry.host() + "/it/nothing-here:v9");
    assertEquals(1, missing.exitCode());
    assertTrue(missing.stderr().contains("manifest unknown"), missing.stderr());

    CommandResult down = cli.run(daemon, "pull", "127.0.0.1:1/it/x:v1");
    assertEquals(1, down.exitCode());
    assertTrue(down.stderr().contains("connection refused"), down.stderr());

    CommandResult notLocal = cli.run(daemon, "push", registry.host() + "/it/never-tagged:v1");
    assertNotEquals(0, notLocal.exitCode());
    assertTrue(notLocal.stderr().contains("does not exist locally"), notLocal.stderr());
  }

  /** Credentials stored by one CLI's login are used by the other's push: one config file, as docker's. */
  @Test
  void loginGivesPushAndPullTheCredentials() {
    try (LocalRegistry locked = LocalRegistry.startWithBasicAuth("it-user", "it-secret")) {
      String repo = locked.host() + "/it/private";
      BusyboxImage.importAs(daemon, repo + ":v1");
      CommandResult anonymous = daemon.jdocker("push", repo + ":v1");
      assertEquals(1, anonymous.exitCode());
      assertTrue(anonymous.stderr().contains("no basic auth credentials")
          || anonymous.stderr().contains("unauthorized"), anonymous.stderr());

      CommandResult wrong = daemon.docker("login", "-u", "it-user", "-p", "wrong", locked.host());
      assertEquals(1, wrong.exitCode());
      daemon.dockerCommand("login", "-u", "it-user", "--password-stdin", locked.host())
          .stdin("it-secret\n".getBytes()).run().assertSuccess();
      daemon.jdocker("push", repo + ":v1").assertSuccess();
      daemon.jdocker("rmi", repo + ":v1").assertSuccess();
      daemon.docker("pull", repo + ":v1").assertSuccess();

      daemon.jdocker("logout", locked.host()).assertSuccess();
      daemon.jdocker("rmi", repo + ":v1").assertSuccess();
      assertEquals(1, daemon.docker("pull", repo + ":v1").exitCode(), "logged out: refused again");
      daemon.jdockerCommand("login", "-u", "it-user", "--password-stdin", locked.host())
          .stdin("it-secret\n".getBytes()).run().assertSuccess();
      daemon.docker("pull", repo + ":v1").assertSuccess();
      daemon.docker("logout", locked.host()).assertSuccess();
      daemon.jdocker("rmi", repo + ":v1").assertSuccess();
    }
  }
}
