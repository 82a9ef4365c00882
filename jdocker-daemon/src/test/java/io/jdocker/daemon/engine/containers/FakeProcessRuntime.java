package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.container.Container;
import io.jdocker.daemon.runtime.CommandNotRunnableException;
import io.jdocker.daemon.runtime.ExitStatus;
import io.jdocker.daemon.runtime.TopResult;
import io.jdocker.linux.cgroup.CgroupStats;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** A runtime whose processes the test drives: they print and exit when told to. */
final class FakeProcessRuntime implements ProcessRuntime {
  final Map<String, FakeProcess> processes = new ConcurrentHashMap<>();
  final List<String> removed = new ArrayList<>();
  final Map<String, FakeProcess> adoptable = new HashMap<>();
  final Map<String, Integer> recorded = new HashMap<>();
  /** Runs on every start (e.g. make the process exit at once). */
  volatile Consumer<FakeProcess> onStart = p -> { };
  volatile String notRunnable;
  int starts;

  @Override
  public synchronized LiveProcess start(Container c) {
    if (c.path().equals(notRunnable)) {
      throw new CommandNotRunnableException(127,
          "exec: \"" + notRunnable + "\": executable file not found in $PATH", null);
    }
    starts++;
    FakeProcess p = new FakeProcess(1000 + starts);
    processes.put(c.id().value(), p);
    onStart.accept(p);
    return p;
  }

  @Override
  public Optional<LiveProcess> adopt(Container c) {
    FakeProcess p = adoptable.get(c.id().value());
    if (p != null) {
      processes.put(c.id().value(), p);
    }
    return Optional.ofNullable(p);
  }

  @Override
  public OptionalInt recordedExitCode(Container c) {
    Integer code = recorded.get(c.id().value());
    return code == null ? OptionalInt.empty() : OptionalInt.of(code);
  }

  @Override
  public synchronized void remove(Container c) {
    removed.add(c.id().value());
  }

  @Override
  public void close() {}

  FakeProcess process(String id) {
    return processes.get(id);
  }

  /** A process whose output and exit the test controls; SIGTERM/SIGKILL end it with 128+N. */
  static final class FakeProcess implements LiveProcess {
    private final long pid;
    private final Instant startedAt = Instant.now();
    private final CompletableFuture<ExitStatus> exit = new CompletableFuture<>();
    private final Pipe out;
    private final Pipe err;
    final List<Integer> signals = new ArrayList<>();
    volatile boolean ignoreTerm;
    /** What each {@link #cgroupStats} call reads; null reads as a cgroup that is gone. */
    volatile java.util.function.Supplier<CgroupStats> cgroupStats = () -> null;

    FakeProcess(long pid) {
      this.pid = pid;
      try {
        out = Pipe.open();
        err = Pipe.open();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void print(String text) throws IOException {
      OutputStream o = Channels.newOutputStream(out.sink());
      o.write(text.getBytes(StandardCharsets.UTF_8));
    }

    synchronized void exit(int code) {
      if (exit.isDone()) {
        return;
      }
      try {
        out.sink().close();
        err.sink().close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      exit.complete(new ExitStatus(code, false, Instant.now()));
    }

    @Override public long pid() { return pid; }
    @Override public long startTime() { return 4242; }
    @Override public Instant startedAt() { return startedAt; }
    @Override public CompletableFuture<ExitStatus> onExit() { return exit; }
    @Override public InputStream stdout() { return Channels.newInputStream(out.source()); }
    @Override public InputStream stderr() { return Channels.newInputStream(err.source()); }
    @Override public void pause() {}
    @Override public void unpause() {}
    @Override public TopResult top() { return new TopResult(List.of("PID"), List.of(List.of(Long.toString(pid)))); }
    @Override public Optional<CgroupStats> cgroupStats() { return Optional.ofNullable(cgroupStats.get()); }

    @Override
    public synchronized void kill(int signal) {
      signals.add(signal);
      if (signal == 9 || (signal == 15 && !ignoreTerm)) {
        exit(128 + signal);
      }
    }

    @Override
    public ExitStatus stop(Duration timeout, int signal) {
      kill(signal);
      if (!exit.isDone()) {
        kill(9); // the fake's "timeout" passes at once
      }
      return exit.join();
    }
  }
}
