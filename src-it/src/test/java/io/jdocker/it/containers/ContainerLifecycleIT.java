package io.jdocker.it.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.it.support.BusyboxImage;
import io.jdocker.it.support.Client;
import io.jdocker.it.support.CommandResult;
import io.jdocker.it.support.Daemon;
import io.jdocker.it.support.SharedDaemon;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Detached containers through their whole life: ps, logs, stop, start, wait, inspect, rm. */
@ExtendWith(SharedDaemon.class)
class ContainerLifecycleIT {
  static final String IMAGE = "it-life-busybox";
  private final Daemon daemon;

  ContainerLifecycleIT(Daemon daemon) {
    this.daemon = daemon;
  }

  @BeforeAll
  static void importImage(Daemon daemon) {
    BusyboxImage.importAs(daemon, IMAGE);
  }

  private String inspect(Client cli, String format, String name) {
    return cli.run(daemon, "inspect", "-f", format, name).assertSuccess().out();
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void detachedContainerRunsStopsStartsAndIsRemoved(Client cli) {
    String name = "it-life-" + cli.tag();
    String id = cli.run(daemon, "run", "-d", "--name", name, IMAGE, "sh", "-c",
        "echo started; trap 'echo bye; exit 0' TERM; while true; do sleep 0.1; done")
        .assertSuccess().out();
    assertTrue(id.matches("[0-9a-f]{64}"), id);

    String ps = cli.run(daemon, "ps", "--format", "{{.Names}} {{.Status}}").assertSuccess().out();
    assertTrue(ps.lines().anyMatch(l -> l.startsWith(name + " Up ")), ps);
    assertEquals("true " + id.substring(0, 12), inspect(cli, "{{.State.Running}} {{.Config.Hostname}}", name));
    assertTrue(Integer.parseInt(inspect(cli, "{{.State.Pid}}", name)) > 1);

    waitForLog(cli, name, "started");
    cli.run(daemon, "stop", "-t", "5", name).assertSuccess();
    assertEquals("exited 0", inspect(cli, "{{.State.Status}} {{.State.ExitCode}}", name));
    assertTrue(cli.run(daemon, "logs", name).assertSuccess().stdout().contains("bye"));
    assertFalse(cli.run(daemon, "ps", "-q").assertSuccess().stdout().contains(id.substring(0, 12)));
    assertTrue(cli.run(daemon, "ps", "-aq").assertSuccess().stdout().contains(id.substring(0, 12)));

    cli.run(daemon, "start", name).assertSuccess();
    assertEquals("running", inspect(cli, "{{.State.Status}}", name));

    CommandResult refused = cli.run(daemon, "rm", name);
    assertNotEquals(0, refused.exitCode());
    assertTrue(refused.stderr().contains("stop the container before removing or force remove"),
        refused.stderr());

    cli.run(daemon, "rm", "-f", name).assertSuccess();
    assertNotEquals(0, cli.run(daemon, "inspect", name).exitCode());
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void stopEscalatesToSigkillWhenPidOneIgnoresSigterm(Client cli) {
    String name = "it-stubborn-" + cli.tag();
    cli.run(daemon, "run", "-d", "--name", name, IMAGE, "sleep", "600").assertSuccess();
    cli.run(daemon, "stop", "-t", "1", name).assertSuccess();
    assertEquals("137", inspect(cli, "{{.State.ExitCode}}", name));
    cli.run(daemon, "rm", name).assertSuccess();
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void waitReturnsTheExitCodeAndLogsKeepStreamsApart(Client cli) {
    String name = "it-wait-" + cli.tag();
    cli.run(daemon, "run", "-d", "--name", name, IMAGE, "sh", "-c",
        "echo to-out; echo to-err >&2; exit 7").assertSuccess();
    assertEquals("7", cli.run(daemon, "wait", name).assertSuccess().out());
    CommandResult logs = cli.run(daemon, "logs", name).assertSuccess();
    assertEquals("to-out\n", logs.stdout());
    assertEquals("to-err\n", logs.stderr());
    cli.run(daemon, "rm", name).assertSuccess();
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void killSendsTheSignal(Client cli) {
    String name = "it-kill-" + cli.tag();
    cli.run(daemon, "run", "-d", "--name", name, IMAGE, "sh", "-c",
        "trap 'exit 42' USR1; while true; do sleep 0.1; done").assertSuccess();
    waitForRunningShell(cli, name);
    cli.run(daemon, "kill", "-s", "USR1", name).assertSuccess();
    assertEquals("42", cli.run(daemon, "wait", name).assertSuccess().out());
    CommandResult notRunning = cli.run(daemon, "kill", name);
    assertNotEquals(0, notRunning.exitCode());
    assertTrue(notRunning.stderr().contains("is not running"), notRunning.stderr());
    cli.run(daemon, "rm", name).assertSuccess();
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void nameConflictIsRefused(Client cli) {
    String name = "it-conflict-" + cli.tag();
    cli.run(daemon, "create", "--name", name, IMAGE, "true").assertSuccess();
    CommandResult again = cli.run(daemon, "create", "--name", name, IMAGE, "true");
    assertEquals(1, again.exitCode(), "docker create reports daemon errors with 1");
    assertTrue(again.stderr().contains("is already in use"), again.stderr());
    CommandResult run = cli.run(daemon, "run", "--name", name, IMAGE, "true");
    assertEquals(125, run.exitCode(), "docker run reports daemon errors with 125");
    assertTrue(run.stderr().contains("is already in use"), run.stderr());
    cli.run(daemon, "rm", name).assertSuccess();
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void topListsTheContainersProcesses(Client cli) {
    String name = "it-top-" + cli.tag();
    cli.run(daemon, "run", "-d", "--name", name, IMAGE, "sleep", "600").assertSuccess();
    String top = cli.run(daemon, "top", name).assertSuccess().stdout();
    assertTrue(top.lines().findFirst().orElseThrow().contains("PID"), top);
    assertTrue(top.contains("sleep 600"), top);
    cli.run(daemon, "rm", "-f", name).assertSuccess();
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void imageInUseCannotBeRemoved(Client cli) {
    String image = "it-inuse-" + cli.tag();
    BusyboxImage.importAs(daemon, image);
    String name = "it-inuse-ctr-" + cli.tag();
    cli.run(daemon, "create", "--name", name, image, "true").assertSuccess();
    CommandResult rmi = cli.run(daemon, "rmi", image);
    assertNotEquals(0, rmi.exitCode());
    assertTrue(rmi.stderr().contains("is using its referenced image"), rmi.stderr());
    cli.run(daemon, "rm", name).assertSuccess();
    cli.run(daemon, "rmi", image).assertSuccess();
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void scriptsCanRemoveEverythingTheyStarted(Client cli) {
    String label = "it-batch-" + cli.tag();
    for (int i = 0; i < 3; i++) {
      cli.run(daemon, "run", "-d", "--label", label, IMAGE, "sleep", "600").assertSuccess();
    }
    List<String> ids = cli.run(daemon, "ps", "-q", "--filter", "label=" + label).assertSuccess()
        .out().lines().toList();
    assertEquals(3, ids.size());
    String[] rm = new String[ids.size() + 2];
    rm[0] = "rm";
    rm[1] = "-f";
    for (int i = 0; i < ids.size(); i++) {
      rm[i + 2] = ids.get(i);
    }
    cli.run(daemon, rm).assertSuccess();
    assertEquals("", cli.run(daemon, "ps", "-aq", "--filter", "label=" + label).assertSuccess().out());
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void commandsThatExitAtOnceKeepTheirOutput(Client cli) {
    // A container may be gone before its start request returns: its output must not be lost
    // and the start must not wait for it.
    for (int i = 0; i < 15; i++) {
      String id = cli.run(daemon, "run", "-d", IMAGE, "echo", "run " + i).assertSuccess().out();
      assertEquals("0", cli.run(daemon, "wait", id).assertSuccess().out());
      assertEquals("run " + i + "\n", cli.run(daemon, "logs", id).assertSuccess().stdout());
      cli.run(daemon, "rm", id).assertSuccess();
    }
  }

  private void waitForLog(Client cli, String name, String text) {
    for (int i = 0; i < 100; i++) {
      if (cli.run(daemon, "logs", name).stdout().contains(text)) {
        return;
      }
      sleep(50);
    }
    throw new AssertionError("log of " + name + " never showed " + text);
  }

  private void waitForRunningShell(Client cli, String name) {
    // The trap must be installed before the signal arrives: wait for sh to reach its loop.
    for (int i = 0; i < 100; i++) {
      if (cli.run(daemon, "top", name).stdout().contains("sleep")) {
        return;
      }
      sleep(50);
    }
    throw new AssertionError(name + " never reached its loop");
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
