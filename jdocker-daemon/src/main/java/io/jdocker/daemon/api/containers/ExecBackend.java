package io.jdocker.daemon.api.containers;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/** What the exec routes need from the engine. */
public interface ExecBackend {
  /**
   * docker exec, first step: 404 for an unknown container, 409 when it is not running or paused.
   *
   * @return the new exec's ID
   */
  String create(String container, ExecCreateRequest request);

  /** 404 {@code No such exec instance: ID} unless it exists; checked before the hijack. */
  void requireExists(String execId);

  /**
   * Starts the exec's process; returns once it runs. With {@code detach} its stdio goes nowhere
   * and the result carries no streams. A process that cannot start (missing binary: 127, not
   * executable: 126) throws with Docker's message and sets the exec's exit code.
   */
  ExecStreams start(String execId, ExecStartRequest request);

  /** The exec's terminal size; waits (up to 10 s, as dockerd) for the process to exist. */
  void resize(String execId, int height, int width) throws InterruptedException;

  ExecInspectResponse inspect(String execId);

  /**
   * A started exec's stdio. Closing {@code stdout} (and {@code stderr}) releases them.
   *
   * @param stdin null unless AttachStdin
   * @param stderr null with a TTY (everything comes through {@code stdout}) or when not attached
   * @param exit completes with the exit code once the engine has recorded it (exec inspect shows it)
   */
  record ExecStreams(boolean tty, OutputStream stdin, InputStream stdout, InputStream stderr,
      CompletableFuture<Integer> exit) {}
}
