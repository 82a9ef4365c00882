package io.jdocker.daemon.engine.containers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/** A process started inside a running container (docker exec) by a {@link ProcessRuntime}. */
public interface ExecProcess {
  /** Its PID as the host sees it. */
  int pid();

  /** Completes with its exit code (128+N for signal N). */
  CompletableFuture<Integer> onExit();

  /** Its stdin (a pipe, or the terminal's master with a TTY); null when not attached. */
  OutputStream stdin();

  /** Its stdout (with a TTY, the terminal's master: everything); null when not attached. */
  InputStream stdout();

  /** Its stderr; null with a TTY or when not attached. */
  InputStream stderr();

  /** Resizes its terminal; nothing without one. */
  void resize(int height, int width) throws IOException;
}
