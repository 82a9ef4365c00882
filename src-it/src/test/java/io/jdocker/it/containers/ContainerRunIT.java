package io.jdocker.it.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code run} in the foreground: output, exit codes and the isolation a user can see. */
@ExtendWith(SharedDaemon.class)
class ContainerRunIT {
  static final String IMAGE = "it-run-busybox";
  private final Daemon daemon;

  ContainerRunIT(Daemon daemon) {
    this.daemon = daemon;
  }

  @BeforeAll
  static void importImage(Daemon daemon) {
    BusyboxImage.importAs(daemon, IMAGE);
  }

  private CommandResult run(Client cli, String... args) {
    String[] argv = new String[args.length + 2];
    argv[0] = "run";
    argv[1] = "--rm";
    System.arraycopy(args, 0, argv, 2, args.length);
    return cli.run(daemon, argv);
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void printsTheContainersOutput(Client cli) {
    CommandResult result = run(cli, IMAGE, "echo", "hello from jdocker");
    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals("hello from jdocker\n", result.stdout());
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void keepsStdoutAndStderrApart(Client cli) {
    CommandResult result = run(cli, IMAGE, "sh", "-c", "echo out; echo err >&2");
    assertEquals("out\n", result.stdout());
    assertTrue(result.stderr().contains("err\n"), result.stderr());
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void exitsWithTheContainersCode(Client cli) {
    assertEquals(3, run(cli, IMAGE, "sh", "-c", "exit 3").exitCode());
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void commandIsPidOneInItsOwnNamespaces(Client cli) {
    assertEquals("1", run(cli, IMAGE, "sh", "-c", "echo $$").out());
    assertEquals("/proc/1", run(cli, IMAGE, "sh", "-c", "echo /proc/[0-9]*").out(),
        "only the container's own process is visible");
    assertEquals("lo", run(cli, "--network", "none", IMAGE, "ls", "/sys/class/net").out());
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void hostnameIsTheShortIdUnlessGiven(Client cli) {
    assertTrue(run(cli, IMAGE, "hostname").out().matches("[0-9a-f]{12}"));
    assertEquals("myhost", run(cli, "-h", "myhost", IMAGE, "hostname").out());
    assertTrue(run(cli, IMAGE, "cat", "/etc/hosts").stdout().contains("127.0.0.1\tlocalhost"));
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void environmentWorkdirAndUserApply(Client cli) {
    assertEquals("bar", run(cli, "-e", "FOO=bar", IMAGE, "sh", "-c", "echo $FOO").out());
    assertEquals("/tmp", run(cli, "-w", "/tmp", IMAGE, "pwd").out());
    assertEquals("65534", run(cli, "-u", "nobody", IMAGE, "id", "-u").out());
    assertEquals("1000:1000", run(cli, "-u", "1000:1000", IMAGE, "sh", "-c",
        "echo $(id -u):$(id -g)").out());
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void missingCommandExits127WithDockersMessage(Client cli) {
    CommandResult result = run(cli, IMAGE, "no-such-binary");
    assertEquals(127, result.exitCode());
    assertTrue(result.stderr().contains("executable file not found in $PATH"), result.stderr());
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void nonExecutableCommandExits126(Client cli) {
    CommandResult result = run(cli, IMAGE, "/etc/passwd");
    assertEquals(126, result.exitCode(), result.stderr());
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void unknownImageExits125(Client cli) {
    CommandResult result = run(cli, "it-no-such-image:v9", "true");
    assertEquals(125, result.exitCode());
    assertTrue(result.stderr().contains("Unable to find image 'it-no-such-image:v9' locally"),
        result.stderr());
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void bindMountsAndReadOnlyRoot(Client cli, @TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("greeting"), "from the host\n");
    assertEquals("from the host", run(cli, "-v", dir + ":/data:ro", IMAGE, "cat",
        "/data/greeting").out());
    assertNotEquals(0, run(cli, "-v", dir + ":/data:ro", IMAGE, "touch", "/data/x").exitCode());
    assertNotEquals(0, run(cli, "--read-only", IMAGE, "touch", "/x").exitCode());
    assertEquals(0, run(cli, "--read-only", "--tmpfs", "/scratch", IMAGE, "touch",
        "/scratch/x").exitCode());
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void memoryLimitKillsWith137(Client cli) {
    CommandResult result = cli.run(daemon, "run", "--name", "it-oom-" + cli.tag(), "-m", "8m",
        IMAGE, "sh", "-c", "x=0123456789; while true; do x=$x$x; done");
    assertEquals(137, result.exitCode(), result.stderr());
    assertEquals("true", cli.run(daemon, "inspect", "-f", "{{.State.OOMKilled}}",
        "it-oom-" + cli.tag()).assertSuccess().out());
    cli.run(daemon, "rm", "it-oom-" + cli.tag()).assertSuccess();
  }
}
