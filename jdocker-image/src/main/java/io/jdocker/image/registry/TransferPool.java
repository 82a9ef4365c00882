package io.jdocker.image.registry;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;

/**
 * The few threads of one pull or push: blob transfers run {@code threads} at a time, in the order
 * submitted (so the ones told "Waiting" are the ones that wait). Closing stops what still runs and
 * waits for it, so no transfer writes a temp file after its caller has cleaned up.
 */
final class TransferPool implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ExecutorService executor;

  TransferPool(String name, int threads) {
    executor = Executors.newFixedThreadPool(Math.max(1, threads), task -> {
      Thread t = new Thread(task, name + "-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  <T> Future<T> submit(Callable<T> transfer) {
    return executor.submit(transfer);
  }

  /** The transfer's result, or the exception it failed with. */
  static <T> T await(Future<T> transfer) throws IOException {
    try {
      return transfer.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a transfer");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IOException(cause);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
        LoggerFactory.getLogger(TransferPool.class).warn("registry transfers did not stop within a minute");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
