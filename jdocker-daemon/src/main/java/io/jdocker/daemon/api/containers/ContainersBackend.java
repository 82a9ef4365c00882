package io.jdocker.daemon.api.containers;

import io.jdocker.daemon.api.Filters;
import io.jdocker.daemon.api.types.container.ContainerCreateRequest;
import io.jdocker.daemon.api.types.container.ContainerCreateResponse;
import io.jdocker.daemon.api.types.container.ContainerInspectResponse;
import io.jdocker.daemon.api.types.container.ContainerSummary;
import io.jdocker.daemon.api.types.container.ContainerTopResponse;
import io.jdocker.daemon.api.types.container.ContainerWaitResponse;
import io.jdocker.daemon.container.ContainerListFilter;
import io.jdocker.daemon.container.WaitCondition;
import io.jdocker.daemon.logs.LogCursor;
import io.jdocker.daemon.logs.LogReadOptions;
import io.jdocker.daemon.logs.LogSubscriber;
import io.jdocker.daemon.logs.LogSubscription;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** What the container routes need from the engine. {@code id} is always an ID, ID prefix or name. */
public interface ContainersBackend {
  ContainerCreateResponse create(String name, ContainerCreateRequest request);

  void start(String id);

  /** @param timeoutSeconds null for the container's StopTimeout (default 10); negative waits forever */
  void stop(String id, Integer timeoutSeconds, String signal) throws InterruptedException;

  void restart(String id, Integer timeoutSeconds, String signal) throws InterruptedException;

  void kill(String id, String signal) throws InterruptedException;

  /** Completes when {@code condition} is met; cancel it when the client goes away. */
  CompletableFuture<ContainerWaitResponse> wait(String id, WaitCondition condition);

  List<ContainerSummary> list(ContainerListFilter.Options options, boolean size);

  ContainerInspectResponse inspect(String id, boolean size);

  void remove(String id, boolean force, boolean volumes);

  void pause(String id);

  void unpause(String id);

  void rename(String id, String newName);

  ContainerTopResponse top(String id, String psArgs);

  /** The container's logs; {@code tty} says how to frame them. */
  Logs logs(String id, LogReadOptions options) throws IOException;

  record Logs(LogCursor cursor, boolean tty) {}

  ContainerPruneResponse prune(Filters filters);

  List<FilesystemChange> changes(String id);

  /**
   * For attach: subscribes to the live output of the container (null subscription when it is not
   * running), after replaying its log when {@code logs}; {@code tty} says how to frame it.
   */
  Attachment attach(String id, boolean logs, LogSubscriber live) throws IOException;

  /**
   * As {@link #attach(String, boolean, LogSubscriber)}; with {@code stdin} the attachment also
   * carries the container's stdin when it has one ({@code OpenStdin}), else a null target.
   */
  default Attachment attach(String id, boolean logs, LogSubscriber live, boolean stdin) throws IOException {
    return attach(id, logs, live);
  }

  record Attachment(boolean tty, LogCursor replay, LogSubscription subscription, StdinTarget stdin) {
    public Attachment(boolean tty, LogCursor replay, LogSubscription subscription) {
      this(tty, replay, subscription, null);
    }
  }

  /** docker resize: 409 unless running; ignored for a container without a TTY. */
  void resize(String id, int height, int width);
}
