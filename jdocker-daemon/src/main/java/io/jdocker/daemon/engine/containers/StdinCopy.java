package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.api.containers.StdinTarget;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** An attached client's stdin, copied into the stdin of the run {@code target} completes with. */
final class StdinCopy implements StdinTarget {
  static final int BUFFER_SIZE = 64 * 1024;

  /** Completes with the run's stdin once it runs, or with null when it will not run. */
  private final CompletableFuture<ContainerStdin> target;

  StdinCopy(CompletableFuture<ContainerStdin> target) {
    this.target = target;
  }

  @Override
  public boolean copyFrom(InputStream in) throws IOException, InterruptedException {
    ContainerStdin stdin;
    try {
      stdin = target.get();
    } catch (ExecutionException e) {
      return true;
    }
    if (stdin == null) {
      return true;
    }
    byte[] buf = new byte[BUFFER_SIZE];
    for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
      try {
        stdin.write(buf, 0, n);
      } catch (IOException e) {
        return true; // the run ended
      }
    }
    if (stdin.closesOnClientEof()) {
      stdin.close();
      return false;
    }
    return true;
  }
}
