package io.jdocker.cli;

import io.jdocker.cli.tty.SttyTerminal;
import io.jdocker.cli.tty.Terminal;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

/**
 * Everything a command may touch outside itself, so tests can run the CLI in-process. Null terminal
 * flags and zone mean "look at the system when asked", which keeps that work off the start-up path.
 */
public record CliEnvironment(
    Map<String, String> env, InputStream in, PrintStream out, PrintStream err,
    Boolean stdinIsTerminal, Boolean stdoutIsTerminal, Clock clock, ZoneId zone, Terminal terminal) {

  public static CliEnvironment system() {
    return new CliEnvironment(System.getenv(), System.in, System.out, System.err,
        null, null, Clock.systemUTC(), null, null);
  }

  /** The same environment without a terminal of its own (for tests and the training run). */
  public CliEnvironment(Map<String, String> env, InputStream in, PrintStream out, PrintStream err,
      Boolean stdinIsTerminal, Boolean stdoutIsTerminal, Clock clock, ZoneId zone) {
    this(env, in, out, err, stdinIsTerminal, stdoutIsTerminal, clock, zone, null);
  }

  /** The user's terminal; the real one ({@code stty}) is created only when an interactive command asks. */
  @Override
  public Terminal terminal() {
    return terminal != null ? terminal : new SttyTerminal();
  }

  /** Whether stdin is a terminal; null in the record means "ask the system" (only load/save need it). */
  @Override
  public Boolean stdinIsTerminal() {
    return stdinIsTerminal != null ? stdinIsTerminal : isTerminal(0);
  }

  @Override
  public Boolean stdoutIsTerminal() {
    return stdoutIsTerminal != null ? stdoutIsTerminal : isTerminal(1);
  }

  /**
   * Whether stderr is a terminal (run's pull progress goes there). An environment built with
   * explicit terminal flags (tests, training) has no separate answer for stderr: it follows stdout.
   */
  public boolean stderrIsTerminal() {
    return stdoutIsTerminal != null ? stdoutIsTerminal : isTerminal(2);
  }

  /** The local zone; looked up only when needed, since loading time-zone data is slow. */
  @Override
  public ZoneId zone() {
    return zone != null ? zone : ZoneId.systemDefault();
  }

  /** Linux: whether file descriptor {@code fd} of this process is a terminal device. */
  public static boolean isTerminal(int fd) {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    } catch (Exception e) {
      return false;
    }
  }
}
