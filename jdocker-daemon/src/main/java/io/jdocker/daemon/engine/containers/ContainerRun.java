package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.logs.JsonFileLogWriter;
import java.util.concurrent.CompletableFuture;

/**
 * One run of a container: its process, the log writer fed by its output, the broadcaster of that
 * output to attached clients, its stdin (null unless OpenStdin), and a future completed
 * once the engine has handled the exit (state saved, waiters answered), which stop and rm wait on.
 */
record ContainerRun(LiveProcess process, JsonFileLogWriter log, OutputBroadcaster output, ContainerStdin stdin,
    CompletableFuture<Void> exitHandled) {
  ContainerRun(LiveProcess process, JsonFileLogWriter log, OutputBroadcaster output, ContainerStdin stdin) {
    this(process, log, output, stdin, new CompletableFuture<>());
  }
}
