package io.jdocker.daemon.runtime;

import java.io.IOException;

/**
 * Wires a new container's network namespace while its PID 1 waits for the go-ahead. Bridge
 * networking will plug in here (veth into the namespace of {@code pid}).
 */
@FunctionalInterface
public interface NetworkSetup {
  void configure(String id, int pid, NetworkMode mode) throws IOException;
}
