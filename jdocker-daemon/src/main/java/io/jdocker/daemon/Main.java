package io.jdocker.daemon;

import io.jdocker.daemon.server.SocketFiles.DaemonAlreadyRunningException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jdockerd}: flags named as dockerd's; the work is done by {@link Daemon}. */
@Command(name = "jdockerd", sortOptions = false, versionProvider = Main.Version.class,
    description = "A Docker-compatible container engine daemon.")
public final class Main implements Callable<Integer> {
  @Option(names = {"-H", "--host"}, paramLabel = "unix:///path",
      description = "Socket to listen on (repeatable; default " + DaemonConfig.DEFAULT_HOST + ")")
  List<String> hosts = new ArrayList<>();

  @Option(names = "--data-root", description = "Root of persistent state (default /var/lib/jdocker)")
  Path dataRoot;

  @Option(names = "--exec-root", description = "Root of runtime state (default /run/jdocker)")
  Path execRoot;

  @Option(names = "--config-file", description = "daemon.json (default /etc/jdocker/daemon.json)")
  Path configFile;

  @Option(names = {"-p", "--pidfile"},
      description = "PID file (default /run/jdocker.pid, or <exec-root>/jdockerd.pid with --exec-root)")
  Path pidFile;

  @Option(names = {"-l", "--log-level"}, description = "debug, info, warn, error or fatal (default info)")
  String logLevel;

  @Option(names = {"-D", "--debug"}, description = "Debug mode")
  boolean debug;

  @Option(names = {"-v", "--version"}, versionHelp = true, description = "Print version and exit")
  boolean version;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Print usage")
  boolean help;

  public static void main(String[] args) {
    int code = new CommandLine(new Main()).execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    DaemonConfig config;
    try {
      Path file = configFile != null ? configFile : DaemonConfig.DEFAULT_CONFIG_FILE;
      DaemonConfigFile parsed = DaemonConfigFile.load(file, configFile != null);
      config = DaemonConfig.resolve(new DaemonConfig.Flags(hosts, Optional.ofNullable(dataRoot),
          Optional.ofNullable(execRoot), Optional.ofNullable(pidFile), Optional.ofNullable(logLevel),
          debug), parsed, file);
      Daemon.createDirectory(config.execRoot(), Daemon.EXEC_ROOT_MODE);
    } catch (ConfigException | IOException e) {
      System.err.println("jdockerd: " + e.getMessage());
      return 1;
    }
    LogSetup.apply(config.logLevel(), config.execRoot().resolve("jdockerd.log"));
    Daemon daemon;
    try {
      daemon = Daemon.start(config, BuildInfo.current());
    } catch (DaemonAlreadyRunningException e) {
      System.err.println("jdockerd: " + e.getMessage());
      return 1;
    } catch (IOException | RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(Main.class).error("failed to start daemon", e);
      System.err.println("jdockerd: failed to start: " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("shutdown").unstarted(daemon::close));
    exitZeroOn("TERM");
    exitZeroOn("INT");
    Thread.currentThread().join();
    return 0;
  }

  /** A daemon stopped by a signal has done its job: exit 0 (after the shutdown hook), as dockerd. */
  @SuppressWarnings("sunapi")
  private static void exitZeroOn(String signal) {
    sun.misc.Signal.handle(new sun.misc.Signal(signal), s -> System.exit(0));
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      BuildInfo build = BuildInfo.current();
      return new String[] {"jdockerd version " + build.version() + ", build " + build.gitCommit()};
    }
  }
}
