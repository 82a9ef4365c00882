package io.jdocker.cli.command;

import io.jdocker.cli.CliEnvironment;
import io.jdocker.cli.Main;
import io.jdocker.cli.training.FakeDaemon;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the CLI in-process against a {@link FakeDaemon} with canned answers per route. */
final class CliHarness implements AutoCloseable {
  /** The samples were captured at 2026-11-29T00:08:25Z; "now" is 10 seconds later. */
  static final Instant NOW = Instant.ofEpochSecond(1795910905L + 10);

  record Result(int status, String out, String err) {}

  private final Map<String, FakeDaemon.Response> routes = new HashMap<>();
  private final Map<String, java.util.function.Function<FakeDaemon.Request, FakeDaemon.Response>> handlers = new HashMap<>();
  private final FakeDaemon daemon;
  /** Environment variables besides DOCKER_HOST (DOCKER_CONFIG for the registry commands). */
  final Map<String, String> env = new HashMap<>();
  boolean stdoutIsTerminal;
  boolean stdinIsTerminal;
  byte[] stdin = new byte[0];
  /** Replaces {@link #stdin} when set (keystrokes that react to the command's progress). */
  InputStream stdinStream;
  /**
   * When set, stdout behaves like a pipe whose reader goes away after this many flushes: later
   * writes fail (what {@code jdocker stats | head} meets).
   */
  Integer stdoutBreaksAfterFlushes;
  /** The user's terminal; null stands for "no terminal at all". */
  FakeTerminal terminal = new FakeTerminal(io.jdocker.cli.tty.WindowSize.NONE);

  CliHarness(Path dir) throws IOException {
    daemon = new FakeDaemon(dir.resolve("d.sock"), "1.44", this::answer);
    // Never the user's own ~/.docker/config.json.
    env.put("DOCKER_CONFIG", dir.resolve("docker-config").toString());
  }

  CliHarness route(String route, FakeDaemon.Response response) {
    routes.put(route, response);
    return this;
  }

  CliHarness json(String route, int status, String json) {
    return route(route, FakeDaemon.Response.json(status, json));
  }

  /** A route whose answer depends on the request or on earlier calls. */
  CliHarness handle(String route, java.util.function.Function<FakeDaemon.Request, FakeDaemon.Response> handler) {
    handlers.put(route, handler);
    return this;
  }

  private FakeDaemon.Response answer(FakeDaemon.Request request) {
    if (handlers.containsKey(request.route())) {
      return handlers.get(request.route()).apply(request);
    }
    FakeDaemon.Response r = routes.get(request.route());
    return r != null ? r : FakeDaemon.Response.json(404, "{\"message\":\"page not found\"}");
  }

  Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    java.io.OutputStream stdout = stdoutBreaksAfterFlushes == null ? out : new BreakingPipe(out, stdoutBreaksAfterFlushes);
    Map<String, String> vars = new HashMap<>(env);
    vars.put("DOCKER_HOST", daemon.uri());
    CliEnvironment environment = new CliEnvironment(vars, stdinStream != null ? stdinStream : new ByteArrayInputStream(stdin),
        new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        stdinIsTerminal, stdoutIsTerminal, Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC, terminal);
    int status = Main.run(args, environment);
    return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Requests after the ping, as "METHOD target". */
  List<String> calls() {
    return daemon.requests().stream().filter(r -> !r.target().equals("/_ping"))
        .map(r -> r.method() + " " + r.target()).toList();
  }

  /** stdin each hijacked stream received. */
  List<String> hijackedInputs() {
    return daemon.hijackedInputs().stream().map(b -> new String(b, StandardCharsets.ISO_8859_1)).toList();
  }

  List<FakeDaemon.Request> requests() {
    return daemon.requests();
  }

  static String sample(String name) {
    try (InputStream in = CliHarness.class.getResourceAsStream("/samples/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    daemon.close();
  }

  /** Keeps what is written until the {@code flushes}-th flush; then every write fails as on a closed pipe. */
  private static final class BreakingPipe extends java.io.FilterOutputStream {
    private int flushesLeft;

    BreakingPipe(java.io.OutputStream out, int flushes) {
      super(out);
      this.flushesLeft = flushes;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (flushesLeft <= 0) {
        throw new IOException("Broken pipe");
      }
      out.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      flushesLeft--;
      out.flush();
    }
  }
}
