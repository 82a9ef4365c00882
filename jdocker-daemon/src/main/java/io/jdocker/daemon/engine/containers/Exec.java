package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.api.containers.ExecCreateRequest;
import io.jdocker.daemon.api.containers.ExecInspectResponse;
import io.jdocker.daemon.container.ContainerId;
import io.jdocker.errdefs.ConflictException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One docker exec: its configuration and where it is in created → running → exited. */
final class Exec {
  private final String id;
  private final ContainerId container;
  private final ExecCreateRequest config;
  private final CompletableFuture<ExecProcess> process = new CompletableFuture<>();
  private boolean started;
  private boolean running;
  private Integer exitCode;
  private int pid;

  Exec(String id, ContainerId container, ExecCreateRequest config) {
    this.id = id;
    this.container = container;
    this.config = config;
  }

  String id() {
    return id;
  }

  ContainerId container() {
    return container;
  }

  ExecCreateRequest config() {
    return config;
  }

  /** Claims the start; an exec runs once. */
  synchronized void claimStart() {
    if (started) {
      throw new ConflictException("Error: Exec command " + id + " is already running");
    }
    started = true;
  }

  synchronized void running(ExecProcess p) {
    running = true;
    pid = p.pid();
    process.complete(p);
  }

  /** The process could not start: {@code code} is 126/127, or null when no code applies. */
  synchronized void failed(Integer code) {
    exitCode = code;
    process.complete(null);
  }

  synchronized void exited(int code) {
    running = false;
    exitCode = code;
  }

  synchronized boolean hasExited() {
    return exitCode != null || (started && !running && process.isDone());
  }

  /** The process once it runs (null if it failed to start), or null after {@code seconds}. */
  ExecProcess awaitProcess(long seconds) throws InterruptedException {
    try {
      return process.get(seconds, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      return null;
    }
  }

  synchronized ExecInspectResponse inspect() {
    List<String> cmd = config.cmd();
    return new ExecInspectResponse(id, running, exitCode,
        new ExecInspectResponse.ProcessConfig(config.tty(), cmd.getFirst(), cmd.subList(1, cmd.size()),
            config.privileged(), config.user()),
        config.attachStdin(), config.attachStderr(), config.attachStdout(), !running, container.value(),
        config.detachKeys(), pid);
  }
}
