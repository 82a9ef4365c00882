package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.logs.JsonFileLogWriter;
import java.util.concurrent.CompletableFuture;

/**
 * One run of a container: its process, the log writer fed by its output, and a future completed
 * once the engine has handled the exit (state saved, waiters answered), which stop and rm wait on.
 */
record ContainerRun(LiveProcess process, JsonFileLogWriter log, CompletableFuture<Void> exitHandled) {
  ContainerRun(LiveProcess process, JsonFileLogWriter log) {
    this(process, log, new CompletableFuture<>());
  }
}
