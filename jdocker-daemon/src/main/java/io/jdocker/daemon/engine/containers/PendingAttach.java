package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.logs.LogSubscriber;
import io.jdocker.daemon.logs.LogSubscription;

/** An attach made before the container started: subscribed to the output of its next run. */
final class PendingAttach implements LogSubscription {
  private final LogSubscriber subscriber;
  private final Runnable unregister;
  private LogSubscription live;
  private boolean closed;

  PendingAttach(LogSubscriber subscriber, Runnable unregister) {
    this.subscriber = subscriber;
    this.unregister = unregister;
  }

  LogSubscriber subscriber() {
    return subscriber;
  }

  synchronized void attachTo(OutputBroadcaster output) {
    if (!closed) {
      live = output.subscribe(subscriber);
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    unregister.run();
    if (live != null) {
      live.close();
    }
  }
}
