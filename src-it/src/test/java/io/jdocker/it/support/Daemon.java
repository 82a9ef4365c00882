package io.jdocker.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A jdockerd of its own for tests: private socket, data root, exec root and config under one
 * temp directory, so tests never touch a user's /run/jdocker.sock or /var/lib/jdocker.
 */
public final class Daemon implements AutoCloseable {
  private final Path base;
  private final List<String> extraArgs;
  private Process process;

  private Daemon(Path base, List<String> extraArgs) {
    this.base = base;
    this.extraArgs = List.copyOf(extraArgs);
  }

  /** Starts a daemon in a new temp directory and waits until it answers. */
  public static Daemon start(String... extraArgs) {
    try {
      Path base = Files.createTempDirectory(Path.of("/tmp"), "jdocker-it-");
      Daemon daemon = new Daemon(base, List.of(extraArgs));
      Files.writeString(daemon.configFile(), "{}\n");
      daemon.launch();
      return daemon;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path base() {
    return base;
  }

  public Path socket() {
    return base.resolve("jdocker.sock");
  }

  public String host() {
    return "unix://" + socket();
  }

  public Path dataRoot() {
    return base.resolve("data");
  }

  public Path execRoot() {
    return base.resolve("exec");
  }

  public Path configFile() {
    return base.resolve("daemon.json");
  }

  public Path logFile() {
    return base.resolve("daemon.out");
  }

  /** The argv that starts this daemon (tests also use it to start a rival). */
  public List<String> commandLine() {
    List<String> argv = new ArrayList<>(List.of(Tools.jdockerd().toString(),
        "-H", host(), "--data-root", dataRoot().toString(), "--exec-root", execRoot().toString(),
        "--config-file", configFile().toString(), "--pidfile", base.resolve("jdockerd.pid").toString()));
    argv.addAll(extraArgs);
    return argv;
  }

  private void launch() throws IOException {
    ProcessBuilder pb = new ProcessBuilder(commandLine()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
    process = pb.start();
    RawHttp http = new RawHttp(socket());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("jdockerd exited with " + process.exitValue() + ":\n" + log());
      }
      if (http.pingQuietly()) {
        return;
      }
      sleep(50);
    }
    process.destroyForcibly();
    throw new AssertionError("jdockerd did not answer within 60s:\n" + log());
  }

  public String log() {
    try {
      return Files.exists(logFile()) ? Files.readString(logFile()) : "";
    } catch (IOException e) {
      return "(cannot read " + logFile() + ": " + e + ")";
    }
  }

  public long pid() {
    return process.pid();
  }

  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** SIGTERM, as an init system would; returns the exit code. */
  public int stop() {
    if (process == null || !process.isAlive()) {
      return process == null ? 0 : process.exitValue();
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError("jdockerd ignored SIGTERM for 30s");
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** SIGKILL: the daemon gets no chance to clean up. */
  public void kill9() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Starts the daemon again on the same socket and data root. */
  public void restart() {
    stop();
    try {
      launch();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void startAgain() {
    try {
      launch();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public CommandResult jdocker(String... args) {
    return jdockerCommand(args).run();
  }

  /** Both CLIs share one client config dir (credentials of login), private to this daemon. */
  public Command jdockerCommand(String... args) {
    return Command.of(jdockerCommandLine(args)).env("DOCKER_CONFIG", clientConfigDir().toString());
  }

  public Path clientConfigDir() {
    return base.resolve("docker-config");
  }

  public List<String> jdockerCommandLine(String... args) {
    List<String> argv = new ArrayList<>(List.of(Tools.jdocker().toString(), "-H", host()));
    argv.addAll(List.of(args));
    return argv;
  }

  public CommandResult docker(String... args) {
    return dockerCommand(args).run();
  }

  public Command dockerCommand(String... args) {
    List<String> argv = new ArrayList<>(List.of(Tools.docker().toString(), "-H", host()));
    argv.addAll(List.of(args));
    return Command.of(argv).env("DOCKER_CONFIG", clientConfigDir().toString());
  }

  public RawHttp http() {
    return new RawHttp(socket());
  }

  /**
   * Force-removes every container the daemon knows. Containers outlive their daemon by design,
   * so a test run must not stop its daemon with containers still in it.
   */
  public void removeAllContainers() {
    if (!isRunning()) {
      return;
    }
    try {
      var list = new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(http().get("/containers/json?all=1").body());
      for (var container : list) {
        http().request("DELETE", "/containers/" + container.path("Id").asText() + "?force=1", null);
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("could not remove the containers of " + base + ": " + e);
    }
  }

  @Override
  public void close() {
    try {
      removeAllContainers();
      stop();
    } finally {
      Cleanup.unmountBelow(base);
      deleteTree(base);
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + root, e);
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
