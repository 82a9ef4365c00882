package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.container.Container;
import io.jdocker.errdefs.UnavailableException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The runtime of a daemon that cannot run containers (no jdocker-init): everything else works,
 * and every container operation that needs a process says why it cannot.
 */
public final class UnavailableRuntime implements ProcessRuntime {
  private final String reason;

  public UnavailableRuntime(String reason) {
    this.reason = reason;
  }

  @Override
  public LiveProcess start(Container container) {
    throw new UnavailableException("cannot start containers: " + reason);
  }

  @Override
  public Optional<LiveProcess> adopt(Container container) {
    throw new UnavailableException("cannot adopt containers: " + reason);
  }

  @Override
  public OptionalInt recordedExitCode(Container container) {
    return OptionalInt.empty();
  }

  @Override
  public void remove(Container container) {
    throw new UnavailableException("cannot remove containers: " + reason);
  }

  @Override
  public void close() {}
}
