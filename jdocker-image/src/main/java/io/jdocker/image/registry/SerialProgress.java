package io.jdocker.image.registry;

import io.jdocker.image.ref.Digest;

/**
 * Serialises calls to a {@link ProgressSink}: transfers run on several threads, and the daemon's
 * sink writes one JSON message per call to a single response stream.
 */
final class SerialProgress implements ProgressSink {
  private final ProgressSink target;

  private SerialProgress(ProgressSink target) {
    this.target = target;
  }

  static ProgressSink of(ProgressSink target) {
    return target instanceof SerialProgress ? target : new SerialProgress(target);
  }

  @Override
  public synchronized void message(String id, String status) {
    target.message(id, status);
  }

  @Override
  public synchronized void layer(String id, String status, long current, long total) {
    target.layer(id, status, current, total);
  }

  @Override
  public synchronized void pushed(String tag, Digest digest, long size) {
    target.pushed(tag, digest, size);
  }
}
